import MusterLedger

@testable import MusterVault

/// Builds segment files field by field, with any field wrong, and a valid trailing hash:
/// the hostile inputs a decoder must refuse without crashing or over-allocating.
struct SegmentForgery {
    var magic = Array("MSEG".utf8)
    var version: UInt8 = 1
    var flags: UInt8 = 0
    var origin = Array("o".utf8)
    var originLength: UInt16?
    var firstSequence: UInt64 = 1
    var count: UInt32 = 1
    /// The entries, each written after its length; ignored when ``body`` is set.
    var entries: [[UInt8]] = [[1, 2, 3]]
    /// A body to write as is, instead of the entries.
    var body: [UInt8]?
    var storedLength: UInt32?
    var inflatedLength: UInt32?
    var checkpoint = Array("c\n".utf8)
    var checkpointLength: UInt32?
    var trailing: [UInt8] = []

    /// The entries, length-prefixed.
    var entryBody: [UInt8] {
        var out: [UInt8] = []
        for entry in entries {
            out.appendBigEndian(UInt32(entry.count))
            out += entry
        }
        return out
    }

    var bytes: [UInt8] {
        let body = self.body ?? entryBody
        var out = magic
        out.append(version)
        out.append(flags)
        out.appendBigEndian(originLength ?? UInt16(origin.count))
        out += origin
        out.appendBigEndian(firstSequence)
        out.appendBigEndian(count)
        out.appendBigEndian(storedLength ?? UInt32(body.count))
        out.appendBigEndian(inflatedLength ?? UInt32(body.count))
        out += body
        out.appendBigEndian(checkpointLength ?? UInt32(checkpoint.count))
        out += checkpoint
        out += trailing
        return out + EntryHash.of(out).bytes  // plain SHA-256
    }
}
