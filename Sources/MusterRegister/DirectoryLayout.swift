import Foundation

/// Rules about where the data and keys directories may be.
enum DirectoryLayout {
    /// Refuses a keys directory inside the data directory (a copy of the data would then carry
    /// its keys) and the reverse.
    static func checkSeparate(data: String, keys: String) throws(RegisterError) {
        let dataPath = canonical(data)
        let keysPath = canonical(keys)
        if keysPath == dataPath || keysPath.hasPrefix(dataPath + "/") {
            throw RegisterError(.layout, "the keys directory must not be inside the data directory (\(keys) is inside \(data))")
        }
        if dataPath.hasPrefix(keysPath + "/") {
            throw RegisterError(.layout, "the data directory must not be inside the keys directory")
        }
    }

    /// Refuses a file of personal data in clear (an export, a reject file) inside the data
    /// directory, where it would end up in copies and backups of the register.
    static func checkOutside(_ file: String, of data: String, what: String) throws(RegisterError) {
        let filePath = canonical(file)
        if filePath.hasPrefix(canonical(data) + "/") {
            throw RegisterError(.layout, "\(what) must not be inside the data directory")
        }
    }

    /// An absolute path with symbolic links resolved as far as the path exists.
    static func canonical(_ path: String) -> String {
        var url = URL(fileURLWithPath: path).standardizedFileURL
        var tail: [String] = []
        while !FileManager.default.fileExists(atPath: url.path), url.path != "/" {
            tail.insert(url.lastPathComponent, at: 0)
            url.deleteLastPathComponent()
        }
        var resolved = url.resolvingSymlinksInPath().path
        for part in tail { resolved += (resolved.hasSuffix("/") ? "" : "/") + part }
        return resolved
    }

    /// Creates a directory readable by its owner only.
    static func makePrivateDirectory(_ path: String) throws(RegisterError) {
        do {
            try FileManager.default.createDirectory(
                atPath: path, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw RegisterError(.layout, "cannot create directory \(path)")
        }
    }
}
