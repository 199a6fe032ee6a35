import Crypto

/// AES-256-GCM with a version byte in front, bound to a context by associated data.
///
/// Layout: `version (1) | nonce (12) | ciphertext | tag (16)`. The version byte and the
/// caller's context (e.g. the person's id) are authenticated, so a ciphertext moved to another
/// person, or altered by one bit, fails to open instead of decrypting to garbage.
enum Sealing {
    static let version: UInt8 = 1
    static let overhead = 1 + 12 + 16

    static func seal(_ plaintext: [UInt8], key: SymmetricKey, context: [UInt8]) -> [UInt8] {
        var aad: [UInt8] = [version]
        aad.append(contentsOf: context)
        // Sealing with a fresh random nonce cannot fail for in-memory inputs of sane size.
        let nonce = try! AES.GCM.Nonce(data: RandomPool.shared.bytes(12))
        let box = try! AES.GCM.seal(plaintext, using: key, nonce: nonce, authenticating: aad)
        var out: [UInt8] = [version]
        out.reserveCapacity(overhead + plaintext.count)
        out.append(contentsOf: box.nonce)
        out.append(contentsOf: box.ciphertext)
        out.append(contentsOf: box.tag)
        return out
    }

    static func open(_ sealed: [UInt8], key: SymmetricKey, context: [UInt8]) throws(CryptoFailure) -> [UInt8] {
        guard sealed.count >= overhead, sealed[0] == version else {
            throw CryptoFailure(.malformedCiphertext, "not a Muster ciphertext of version \(version)")
        }
        var aad: [UInt8] = [version]
        aad.append(contentsOf: context)
        do {
            // After the version byte the layout is the box's own (nonce, ciphertext, tag): taken
            // whole, it is copied once, not in three parts (a visible share of a person GET).
            let box = try AES.GCM.SealedBox(combined: sealed[1...])
            return Array(try AES.GCM.open(box, using: key, authenticating: aad))
        } catch {
            throw CryptoFailure(.authenticationFailed, "ciphertext failed authentication (tampered, or wrong key or owner)")
        }
    }
}
