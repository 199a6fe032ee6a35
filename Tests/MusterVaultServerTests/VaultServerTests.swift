import Foundation
import Hummingbird
import HummingbirdTesting
import MusterLedger
import MusterTesting
import MusterVault
import NIOCore
import Synchronization
import Testing

@testable import MusterVaultServer

/// The remote vault accepts only new, verified segments, with its token, and can never be
/// made to delete or overwrite anything.
@Suite struct VaultServerTests {
    static let token = "vault-token-for-tests"

    final class Subject: Sendable {
        let directory = TemporaryDirectory("muster-vault-server")
        let ledger = LedgerFixture(count: 30)
        let keeper: VaultKeeper

        init(retention: TimeInterval = 30 * 24 * 3600) throws {
            keeper = try VaultKeeper(directory: directory.path, verifier: ledger.signer.verifier, retention: retention)
        }

        var router: Router<BasicRequestContext> { VaultServer.router(keeper: keeper, token: VaultServerTests.token) }

        func bytes(_ range: ClosedRange<Int>) -> [UInt8] { ledger.segment(range).encode() }
        func name(_ range: ClosedRange<Int>) -> String { ledger.segment(range).name.fileName }
    }

    static func put(_ client: some TestClientProtocol, _ name: String, _ bytes: [UInt8], token: String = token) async throws -> HTTPResponse.Status {
        try await client.execute(
            uri: "/v1/files/\(name)", method: .put, headers: [.authorization: "Bearer \(token)"], body: ByteBuffer(bytes: bytes)
        ).status
    }

    @Test func newSegmentsAreStoredAndServedBack() async throws {
        let subject = try Subject()
        try await Application(router: subject.router).test(.router) { client async throws in
            #expect(try await Self.put(client, subject.name(1...10), subject.bytes(1...10)) == .created)
            #expect(try await Self.put(client, subject.name(11...30), subject.bytes(11...30)) == .created)
            #expect(try await Self.put(client, subject.name(11...30), subject.bytes(11...30)) == .ok, "a retry is fine")
            let list = try await client.execute(uri: "/v1/files?prefix=segment-", method: .get, headers: [.authorization: "Bearer \(Self.token)"])
            #expect(String(buffer: list.body) == subject.name(1...10) + "\n" + subject.name(11...30) + "\n")
            let back = try await client.execute(uri: "/v1/files/\(subject.name(1...10))", method: .get, headers: [.authorization: "Bearer \(Self.token)"])
            #expect(Array(buffer: back.body) == subject.bytes(1...10))
        }
        #expect(await subject.keeper.head == 30)
    }

    @Test func everyRefusal() async throws {
        let subject = try Subject()
        try await Application(router: subject.router).test(.router) { client async throws in
            // No token, or a wrong one: nothing at all.
            #expect(try await Self.put(client, subject.name(1...10), subject.bytes(1...10), token: "wrong") == .unauthorized)
            #expect(try await client.execute(uri: "/v1/files?prefix=", method: .get).status == .unauthorized)
            // A gap: the log must start at entry 1 and go on without holes.
            #expect(try await Self.put(client, subject.name(2...10), subject.bytes(2...10)) == .unprocessableContent)
            #expect(try await Self.put(client, subject.name(1...10), subject.bytes(1...10)) == .created)
            #expect(try await Self.put(client, subject.name(12...20), subject.bytes(12...20)) == .unprocessableContent)
            // Overwriting what is held with other bytes, or overlapping it: refused.
            let other = subject.ledger.forked(at: 5)
            #expect(try await Self.put(client, subject.name(1...10), other.segment(1...10).encode()) == .unprocessableContent)
            #expect(try await Self.put(client, subject.name(5...15), subject.bytes(5...15)) == .unprocessableContent)
            // A history that does not extend the one held (same key, forked at entry 5).
            let fork = subject.ledger.forked(at: 5)
            #expect(try await Self.put(client, subject.name(11...20), fork.segment(11...20).encode()) == .unprocessableContent)
            // Signed by another key.
            let stranger = LedgerFixture(count: 30, prefix: subject.ledger.entries)
            #expect(try await Self.put(client, subject.name(11...20), stranger.segment(11...20).encode()) == .unprocessableContent)
            // A damaged file, and a name that does not match the content.
            var damaged = subject.bytes(11...20)
            damaged[damaged.count / 2] ^= 1
            #expect(try await Self.put(client, subject.name(11...20), damaged) == .unprocessableContent)
            #expect(try await Self.put(client, subject.name(11...21), subject.bytes(11...20)) == .badRequest)
            // Nothing can be deleted, and no other file can be written.
            #expect(try await client.execute(uri: "/v1/files/\(subject.name(1...10))", method: .delete, headers: [.authorization: "Bearer \(Self.token)"]).status == .notFound)
            #expect(try await Self.put(client, "keys-20260101T000000Z-0000000000000000", [1, 2, 3]) == .badRequest)
            // After all that, the next real segment is still accepted.
            #expect(try await Self.put(client, subject.name(11...20), subject.bytes(11...20)) == .created)
        }
        #expect(await subject.keeper.head == 20)
        #expect(try subject.keeper.vault.list(prefix: SegmentName.prefix).count == 2)
    }

    @Test func snapshotsAreNamedByTheVaultAndPrunedOnlyByItsRetention() async throws {
        let subject = try Subject(retention: 0)
        try await Application(router: subject.router).test(.router) { client async throws in
            #expect(try await Self.put(client, subject.name(1...10), subject.bytes(1...10)) == .created)
            var names: [String] = []
            for index in 0..<2 {
                let response = try await client.execute(
                    uri: "/v1/snapshots/keys-", method: .post, headers: [.authorization: "Bearer \(Self.token)"], body: ByteBuffer(bytes: [UInt8(index)]))
                #expect(response.status == .created)
                names.append(String(buffer: response.body))
                try await Task.sleep(for: .seconds(1.1))
            }
            let held = try subject.keeper.vault.list(prefix: "keys-")
            #expect(held == [names[1]], "with no retention only the newest snapshot stays")
            let segmentPrefix = try await client.execute(
                uri: "/v1/snapshots/segment-", method: .post, headers: [.authorization: "Bearer \(Self.token)"], body: ByteBuffer(bytes: [1]))
            #expect(segmentPrefix.status != .created)
        }
        #expect(try subject.keeper.vault.list(prefix: SegmentName.prefix).count == 1)
    }

    @Test func aVaultStartedOnTamperedFilesRefusesToStart() throws {
        let subject = try Subject()
        _ = try subject.keeper.vault.put(name: subject.name(1...10), bytes: subject.bytes(1...10))
        let path = subject.directory.file(subject.name(1...10))
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
        var bytes = try #require(FileManager.default.contents(atPath: path))
        bytes[40] ^= 1
        try bytes.write(to: URL(fileURLWithPath: path))
        #expect(throws: VaultError.self) { try VaultKeeper(directory: subject.directory.path, verifier: subject.ledger.signer.verifier) }
    }
}

/// Register snapshot parts arrive before their manifest: the vault's retention must never take
/// a part that a manifest it keeps (or one still on its way) needs.
@Suite struct VaultRegisterSnapshotRetentionTests {
    @Test func partsGoOnlyWhenAManifestArrivesAndADayAfterManifests() async throws {
        let directory = TemporaryDirectory("muster-vault-server")
        let clock = Mutex(Date(timeIntervalSince1970: 1_780_000_000))
        let day: TimeInterval = 24 * 3600
        let keeper = try VaultKeeper(
            directory: directory.path, verifier: LedgerFixture(count: 1).signer.verifier, retention: 10 * day, now: { clock.withLock { $0 } })
        let parts = RegisterSnapshotManifest.partPrefix, manifests = RegisterSnapshotManifest.namePrefix
        let oldPart = try await keeper.putSnapshot(prefix: parts, bytes: [1])
        _ = try await keeper.putSnapshot(prefix: manifests, bytes: [2])

        clock.withLock { $0 += 20 * day }
        let newPart = try await keeper.putSnapshot(prefix: parts, bytes: [3])
        #expect(try keeper.vault.list(prefix: parts) == [oldPart, newPart], "a part's arrival prunes nothing")

        let newManifest = try await keeper.putSnapshot(prefix: manifests, bytes: [4])
        #expect(try keeper.vault.list(prefix: manifests) == [newManifest])
        #expect(try keeper.vault.list(prefix: parts) == [newPart])

        // A part uploaded just before its manifest, however late in the day, stays with it.
        clock.withLock { $0 += 30 * day }
        let latePart = try await keeper.putSnapshot(prefix: parts, bytes: [5])
        clock.withLock { $0 += 3600 }
        let lateManifest = try await keeper.putSnapshot(prefix: manifests, bytes: [6])
        #expect(try keeper.vault.list(prefix: manifests) == [lateManifest])
        #expect(try keeper.vault.list(prefix: parts) == [latePart])
    }
}
