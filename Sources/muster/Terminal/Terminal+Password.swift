import ArgumentParser
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

extension Terminal {
    /// A password: asked for without echo at a terminal (twice when `confirming`), or the first
    /// line of standard input otherwise (for scripts). Never printed, never logged.
    static func readPassword(confirming: Bool) throws -> String {
        guard standardInputIsTerminal else {
            guard let line = readLine(strippingNewline: true), !line.isEmpty else {
                printError("muster: expected the password on the first line of standard input")
                throw ExitCode(64)
            }
            return line
        }
        let first = readHidden("Password: ")
        if confirming && readHidden("Again: ") != first {
            printError("muster: the two passwords differ")
            throw ExitCode(64)
        }
        return first
    }

    /// Reads a line with echo turned off.
    private static func readHidden(_ prompt: String) -> String {
        FileHandle.standardError.write(Data(prompt.utf8))
        var saved = termios()
        tcgetattr(STDIN_FILENO, &saved)
        var quiet = saved
        quiet.c_lflag &= ~tcflag_t(ECHO)
        tcsetattr(STDIN_FILENO, TCSANOW, &quiet)
        defer {
            tcsetattr(STDIN_FILENO, TCSANOW, &saved)
            FileHandle.standardError.write(Data("\n".utf8))
        }
        return readLine(strippingNewline: true) ?? ""
    }
}
