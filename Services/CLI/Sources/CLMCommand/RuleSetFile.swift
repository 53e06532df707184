import ArgumentParser
import Foundation
import ScoringAPI

/// Rule set files: one `RuleSet` as JSON with the field names of the Swift type (`ruleSetId`, `tierRules`…) and enum
/// values as the proto names them (`METRIC_VALUE_SCORE`), as `clm rules template` writes them.
enum RuleSetFile {
    /// `ruleSet` as the file's text: indented, keys sorted, so that two versions compare line by line.
    static func encoded(_ ruleSet: RuleSet) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(ruleSet) + Data("\n".utf8)
    }

    /// Writes `ruleSet` to `path`, replacing what was there.
    /// - Throws: ``CommandFailure`` naming the path when it cannot be written.
    static func write(_ ruleSet: RuleSet, to path: String) throws {
        do {
            try encoded(ruleSet).write(to: URL(fileURLWithPath: path))
        } catch {
            throw CommandFailure("cannot write \(path): \(error.localizedDescription)")
        }
    }

    /// The rule set in the file at `path`.
    /// - Throws: ``CommandFailure`` naming the file and, when it is not a rule set, where and what the problem is
    ///   (`tierRules[1].conditions[0].metric: …`).
    static func read(_ path: String) throws -> RuleSet {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw CommandFailure("cannot read \(path): \(error.localizedDescription)")
        }
        do {
            return try JSONDecoder().decode(RuleSet.self, from: data)
        } catch let error as DecodingError {
            throw CommandFailure("\(path) is not a rule set: \(describe(error)) (clm rules template writes one to "
                + "start from)")
        }
    }

    /// Where in the file a decoding error is, and what it is, for a person.
    static func describe(_ error: DecodingError) -> String {
        switch error {
        case .keyNotFound(let key, let context):
            return "\(path(context.codingPath + [key])): missing"
        case .valueNotFound(_, let context):
            return "\(path(context.codingPath)): missing (null)"
        case .typeMismatch(let type, let context):
            return "\(path(context.codingPath)): expected \(typeName(type))"
        case .dataCorrupted(let context) where context.codingPath.isEmpty:
            let cause = (context.underlyingError as NSError?)?.userInfo[NSDebugDescriptionErrorKey] as? String
            return "not JSON (\(cause ?? context.debugDescription))"
        case .dataCorrupted(let context):
            return "\(path(context.codingPath)): \(context.debugDescription)"
        @unknown default:
            return "\(error)"
        }
    }

    /// `tierRules[1].conditions[0].metric`; `(the whole file)` for the top level.
    static func path(_ keys: [any CodingKey]) -> String {
        var text = ""
        for key in keys {
            if let index = key.intValue {
                text += "[\(index)]"
            } else {
                text += (text.isEmpty ? "" : ".") + key.stringValue
            }
        }
        return text.isEmpty ? "(the whole file)" : text
    }

    private static func typeName(_ type: Any.Type) -> String {
        let name = String(describing: type)
        switch type {
        case is String.Type: return "a string"
        case is Double.Type, is Float.Type: return "a number"
        case is Int32.Type, is Int64.Type, is Int.Type: return "a whole number"
        case is Bool.Type: return "true or false"
        default: return name.hasPrefix("Array") ? "a list" : name.hasPrefix("Dictionary") ? "an object" : "a \(name) object"
        }
    }
}

/// What a command's rule set argument names: a file, or a stored version (`ID`, the latest; `ID@VERSION`).
enum RuleSetSource {
    case file(String)
    case stored(RuleSetRef)

    /// An existing file, or anything with a `/` or ending in `.json`, is a file (rule set ids have neither); the rest
    /// is `ID` or `ID@VERSION`.
    /// - Throws: `ValidationError` when the version after `@` is not a whole number from 1.
    init(_ text: String) throws {
        if FileManager.default.fileExists(atPath: text) || text.contains("/") || text.hasSuffix(".json") {
            self = .file(text)
            return
        }
        guard let at = text.lastIndex(of: "@") else {
            self = .stored(RuleSetRef(ruleSetId: text, version: 0))
            return
        }
        guard let version = Int32(text[text.index(after: at)...]), version > 0 else {
            throw ValidationError("\(text): the version after @ must be a whole number from 1 (or leave out @ for the "
                + "latest)")
        }
        self = .stored(RuleSetRef(ruleSetId: String(text[..<at]), version: version))
    }

    /// The file's rule set, or nil for a stored version.
    func fileRuleSet() throws -> RuleSet? {
        guard case .file(let path) = self else { return nil }
        return try RuleSetFile.read(path)
    }
}
