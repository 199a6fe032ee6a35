import MusterCore
import MusterCrypto
import MusterLedger
import MusterStore

/// Encrypts and decrypts one person's identity and computes their blind indexes.
struct PersonCipher: Sendable {
    let keyring: Keyring

    func seal(_ identity: Identity, with key: DataKey, for id: SubjectID) -> [UInt8] {
        var record = PersonRecord.blank
        record.identity = identity
        return key.seal(RecordCodec.encode(record, fields: RecordCodec.identifyingFields), owner: id.bytes)
    }

    func open(_ sealed: [UInt8], with key: DataKey, for id: SubjectID) throws -> Identity {
        var record = PersonRecord.blank
        try RecordCodec.decode(try key.open(sealed, owner: id.bytes), into: &record)
        return record.identity
    }

    func wrap(_ key: DataKey, for id: SubjectID) -> [UInt8] {
        keyring.wrapper.wrap(key, owner: id.bytes)
    }

    /// The person's data key from the key store; throws ``RegisterError/Code/erased`` when it is gone.
    func dataKey(for id: SubjectID, in store: any StoreReading) throws -> DataKey {
        guard let wrapped = try store.wrappedKey(for: id) else {
            throw RegisterError(.erased, "this person's data key has been destroyed")
        }
        return try keyring.wrapper.unwrap(wrapped, owner: id.bytes)
    }

    /// The decrypted identity of a stored person.
    func identity(of row: PersonRow, in store: any StoreReading) throws -> Identity {
        guard let sealed = row.sealedIdentity, row.erasedAt == nil else {
            throw RegisterError(.erased, "\(row.number) has been erased")
        }
        return try open(sealed, with: dataKey(for: row.id, in: store), for: row.id)
    }

    func seal(reason: String, with key: DataKey, for id: SubjectID) -> [UInt8] {
        key.seal(Array(reason.utf8), owner: id.bytes + Array("reason".utf8))
    }

    func openReason(_ sealed: [UInt8], with key: DataKey, for id: SubjectID) throws -> String {
        String(decoding: try key.open(sealed, owner: id.bytes + Array("reason".utf8)), as: UTF8.self)
    }

    /// Everything a new person needs that involves no database: a fresh id and data key, the
    /// sealed identity, the wrapped key and the blind indexes. Safe to compute ahead, off the
    /// writer's thread.
    func sealNew(_ identity: Identity) -> SealedPerson {
        let id = SubjectID(bytes: RandomPool.shared.bytes(16))!
        let key = DataKey.generate()
        return SealedPerson(
            id: id, sealedIdentity: seal(identity, with: key, for: id), wrappedKey: wrap(key, for: id),
            indexes: indexes(for: identity))
    }

    func indexes(for identity: Identity) -> BlindIndexes {
        let keys = keyring.blindIndexes
        return BlindIndexes(
            email: MatchKey.email(identity.email).map(keys.email.digest),
            phone: MatchKey.phone(identity.phone).map(keys.phone.digest),
            postcodeAndLastName: MatchKey.postcodeAndLastName(postcode: identity.postcode, lastName: identity.lastName)
                .map(keys.postcodeAndLastName.digest))
    }
}

/// A new person's cryptographic material, ready to be written.
struct SealedPerson: Sendable {
    let id: SubjectID
    let sealedIdentity: [UInt8]
    let wrappedKey: [UInt8]
    let indexes: BlindIndexes
}
