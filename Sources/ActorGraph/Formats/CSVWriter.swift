/// Writes a snapshot as two CSV tables, nodes and edges (RFC 4180: CRLF line ends, a field is
/// quoted when it holds a comma, a double quote, CR or LF, and quotes inside are doubled).
///
/// UTF-8 without a byte-order mark, so Arabic reads as is in Python, R, pandas and Gephi's
/// spreadsheet import (Excel needs "UTF-8" chosen on import). Aliases are joined with " | ".
public enum CSVWriter {
    public static func nodes(_ snapshot: GraphSnapshot) -> String {
        var out = row(["id"] + ExportSchema.node.map(\.name))
        for node in snapshot.nodes {
            out += row([node.id] + ExportSchema.node.map { $0.value(node) ?? "" })
        }
        return out
    }

    /// One row per edge; `evidence` is the oldest supporting sentence (the snapshot has them all).
    public static func edges(_ snapshot: GraphSnapshot) -> String {
        var out = row(["source", "target"] + ExportSchema.edge.map(\.name))
        for edge in snapshot.edges {
            out += row([edge.source, edge.target] + ExportSchema.edge.map { $0.value(edge) ?? "" })
        }
        return out
    }

    public static func row(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",") + "\r\n"
    }

    public static func field(_ text: String) -> String {
        let needsQuotes = text.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" }
        guard needsQuotes else { return text }
        // Doubled per scalar, not per Character: a quote followed by a combining mark («"َ») is
        // one Character and would slip past a Character-level replace.
        var out = String.UnicodeScalarView()
        out.append("\"")
        for scalar in text.unicodeScalars {
            out.append(scalar)
            if scalar == "\"" { out.append("\"") }
        }
        out.append("\"")
        return String(out)
    }
}
