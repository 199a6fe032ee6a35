import Foundation

/// Looks for plaintext "canary" values in every byte of every file under a directory: the
/// database, its WAL and journal, and anything else written there.
public enum CanaryScan {
    /// One place a canary was found.
    public struct Hit: Sendable, CustomStringConvertible {
        public var file: String
        public var canary: String
        public var offset: Int
        public var description: String { "\(canary) in \(file) at byte \(offset)" }
    }

    /// Every occurrence of each canary (as UTF-8, and lower- and upper-cased) in every regular
    /// file below `directory`.
    public static func scan(_ directory: String, for canaries: [String]) throws -> [Hit] {
        var hits: [Hit] = []
        let needles = canaries.flatMap { c in Set([c, c.lowercased(), c.uppercased()]).map { (c, Array($0.utf8)) } }
        guard let walker = FileManager.default.enumerator(atPath: directory) else { return [] }
        while let relative = walker.nextObject() as? String {
            let path = directory + "/" + relative
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
            let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
            for (canary, needle) in needles {
                for offset in occurrences(of: needle, in: bytes) {
                    hits.append(Hit(file: relative, canary: canary, offset: offset))
                }
            }
        }
        return hits
    }

    /// Offsets at which `needle` occurs in `haystack` (memchr and memcmp: the scans cover whole
    /// database files and WAL segments, too many bytes for a byte loop in a debug build).
    public static func occurrences(of needle: [UInt8], in haystack: [UInt8]) -> [Int] {
        guard !needle.isEmpty, haystack.count >= needle.count else { return [] }
        var found: [Int] = []
        haystack.withUnsafeBytes { hay in
            needle.withUnsafeBytes { pin in
                let base = hay.baseAddress!
                let last = hay.count - pin.count
                var offset = 0
                while offset <= last, let hit = memchr(base + offset, Int32(needle[0]), last - offset + 1) {
                    let position = base.distance(to: UnsafeRawPointer(hit))
                    if memcmp(hit, pin.baseAddress!, pin.count) == 0 { found.append(position) }
                    offset = position + 1
                }
            }
        }
        return found
    }
}
