import MusterTesting
import Testing
@testable import MusterLedger

struct ChainHeadTests {
    @Test func sequenceNumbersStartAtOneAndLinkToThePreviousHash() {
        var head = ChainHead.empty
        var previous = EntryHash.zero
        for n in 1...20 {
            let sealed = head.append(draft(n))
            #expect(sealed.entry.sequence == UInt64(n))
            #expect(sealed.entry.previousHash == previous)
            #expect(head == ChainHead(size: UInt64(n), hash: sealed.hash))
            previous = sealed.hash
        }
    }

    @Test func theFirstEntryNamesTheZeroHash() {
        var head = ChainHead.empty
        let first = head.append(draft(1))
        #expect(first.entry.previousHash == .zero)
        #expect(first.entry.sequence == 1)
    }

    @Test func appendCopiesTheDraft() {
        var head = ChainHead(size: 41, hash: EntryHash.of([1]))
        let d = EntryDraft(
            time: 1_700_000_000_000, actor: "staff:7", kind: .disclosure, subject: .random(), payload: [1, 2])
        let sealed = head.append(d)
        #expect(sealed.entry.sequence == 42)
        #expect(sealed.entry.time == d.time)
        #expect(sealed.entry.actor == d.actor)
        #expect(sealed.entry.kind == d.kind)
        #expect(sealed.entry.subject == d.subject)
        #expect(sealed.entry.payload == d.payload)
        #expect(sealed.entry.previousHash == EntryHash.of([1]))
        #expect(head.size == 42)
    }

    @Test func sealedHashIsSHA256OfTheEncodedBytes() {
        var head = ChainHead.empty
        for n in 1...10 {
            let sealed = head.append(draft(n))
            #expect(sealed.bytes == sealed.entry.encoded)
            #expect(sealed.hash == MerkleHash.leaf(sealed.entry.encoded))
        }
    }

    @Test func sealedHashOfTheHandBuiltEntryIsPinned() {
        // The RFC 6962 leaf hash SHA-256(0x00 || the 84 bytes spelled out in LedgerEntryEncodingTests),
        // computed independently (Python hashlib).
        let sealed = SealedEntry(LedgerEntryEncodingTests.handBuilt)
        #expect(hexString(sealed.bytes) == LedgerEntryEncodingTests.handBuiltHex)
        #expect(sealed.hash.description == "cd9420276db989cdb2bd914e3dc9d398bf9dc3cb06af55f96be20cb1991c897d")
    }

    @Test func theSameDraftsGiveTheSameChain() {
        let drafts = (1...5).map { n in
            EntryDraft(time: Int64(n), actor: "cli:a", kind: .update, subject: nil, payload: [UInt8(n)])
        }
        var a = ChainHead.empty
        var b = ChainHead.empty
        #expect(drafts.map { a.append($0) } == drafts.map { b.append($0) })
        #expect(a == b)
    }

    @Test func anyDifferenceInHistoryChangesTheHead() {
        let drafts = (1...5).map { n in
            EntryDraft(time: Int64(n), actor: "cli:a", kind: .update, subject: nil, payload: [UInt8(n)])
        }
        var original = ChainHead.empty
        for d in drafts { _ = original.append(d) }
        var altered = ChainHead.empty
        for (i, d) in drafts.enumerated() {
            var copy = d
            if i == 1 { copy.payload = [0xFF] }
            _ = altered.append(copy)
        }
        #expect(altered.size == original.size)
        #expect(altered.hash != original.hash)
    }
}
