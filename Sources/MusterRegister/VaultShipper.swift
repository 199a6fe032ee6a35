import Foundation
import MusterCrypto
import MusterLedger
import MusterStore
public import MusterVault

/// What one shipping round sent to a vault.
public struct ShipRound: Sendable, Equatable {
    /// Segments stored (or found already there, after a retry).
    public var segments: [String] = []
    /// The last entry the vault now holds.
    public var shippedThrough: UInt64 = 0
    /// Entries sent this round.
    public var entries = 0
    public var bytes = 0
}

/// Seals committed ledger entries into segments and sends them to one vault, with the
/// key-store changes they imply. Stateless between rounds: what a vault holds is read from
/// the vault, so a restarted shipper (or a second one) carries on where the vault is.
///
/// Every segment is checked against what the vault already holds before it is written (the
/// same checks a restore makes: chain, signature, a root that extends the last checkpoint), so
/// a shipper never writes a segment a restore would refuse.
///
/// ```swift
/// let shipper = VaultShipper(register: register, vault: try FileVault(directory: "/mnt/vault"))
/// var chain = try await shipper.verifiedChain()
/// let round = try await shipper.shipRound(extending: &chain)
/// ```
public struct VaultShipper: Sendable {
    let register: Register
    public let vault: any Vault

    /// Segments are cut at checkpoints; a run of entries longer than this is split at the
    /// checkpoints inside it (one transaction is never split: its checkpoint is its end).
    public static let preferredEntriesPerSegment: UInt64 = 100_000
    /// Key-store snapshots are named `keys-<vault time>-<tag>`.
    public static let keySnapshotPrefix = "keys-"

    /// The size of a register snapshot's parts (see ``shipRegisterSnapshot()``).
    public var registerPartBytes = defaultRegisterPartBytes

    public init(register: Register, vault: any Vault) {
        self.register = register
        self.vault = vault
    }

    /// The last entry the vault holds (0 when it holds none).
    public func shippedThrough() async throws -> UInt64 {
        try await vault.names(prefix: SegmentName.prefix).map { try SegmentName(parsing: $0).last }.max() ?? 0
    }

    /// The vault's segments, read and verified as a chain: where shipping carries on from.
    public func verifiedChain() async throws -> SegmentChain {
        let verifier = try NoteVerifier(verifierKey: try register.verifierKey())
        var chain = SegmentChain(origin: register.origin, verifier: verifier)
        for name in try await vault.names(prefix: SegmentName.prefix) {
            do {
                try chain.accept(try Segment(encoded: try await vault.fetch(name: name), name: name))
            } catch let error as VaultError {
                throw RegisterError(.corrupt, "the vault \(vault.location) fails verification at \(name): \(error.message)")
            }
        }
        return chain
    }

    /// Sends every committed entry after `chain`'s head, segment by segment: each is checked to
    /// extend `chain`, then the key-store delta of the people it creates or erases is sent, then
    /// the segment itself.
    public func shipRound(extending chain: inout SegmentChain) async throws -> ShipRound {
        var round = ShipRound(shippedThrough: chain.head.size)
        while let segment = try await nextSegment(after: round.shippedThrough) {
            var next = chain
            try next.accept(segment)
            // Keys first: a vault must never hold a segment whose people's keys it lacks, even
            // if shipping stops between the two writes (a delta ahead of its segment is harmless).
            try await shipKeyDelta(for: segment)
            let bytes = segment.encode()
            _ = try await vault.store(name: segment.name.fileName, bytes: bytes)
            chain = next
            round.segments.append(segment.name.fileName)
            round.entries += segment.entries.count
            round.bytes += bytes.count
            round.shippedThrough = segment.lastSequence
        }
        return round
    }

    /// The next segment after `shipped`: entries through a signed checkpoint, or `nil` when
    /// everything committed is shipped.
    func nextSegment(after shipped: UInt64) async throws -> Segment? {
        let origin = register.origin
        return try await register.store.read { tx -> Segment? in
            guard let latest = try tx.latestCheckpoint(), latest.size > shipped else { return nil }
            var end = (size: latest.size, text: latest.text)
            if latest.size - shipped > Self.preferredEntriesPerSegment {
                // The last checkpoint within the preferred length, or else the first beyond it.
                var within: (UInt64, String)?
                var beyond: (UInt64, String)?
                try tx.forEachCheckpoint { size, text in
                    guard size > shipped else { return }
                    if size - shipped <= Self.preferredEntriesPerSegment {
                        within = (size, text)
                    } else if beyond == nil {
                        beyond = (size, text)
                    }
                }
                if let chosen = within ?? beyond { end = (chosen.0, chosen.1) }
            }
            var entries: [[UInt8]] = []
            entries.reserveCapacity(Int(end.size - shipped))
            try tx.forEachEntry(from: shipped + 1, through: end.size) { _, bytes, _ in entries.append(bytes) }
            guard UInt64(entries.count) == end.size - shipped else {
                throw RegisterError(.corrupt, "the ledger is missing entries before its checkpoint at size \(end.size)")
            }
            return try Segment(origin: origin, firstSequence: shipped + 1, entries: entries, checkpoint: end.text)
        }
    }
}
