/// The legend: one node whose HTML-like label is a table of the actor and relation types present.
///
/// It is built only from `DOTStyle` and the constant text below, never from graph data, so the
/// HTML needs no escaping. One node (rather than a cluster of sample edges) keeps the legend whole
/// in every layout engine, including neato and sfdp, which ignore clusters.
enum DOTLegend {
    static func label(actorTypes: [ActorType], relationTypes: [RelationType], hasDiscovered: Bool) -> String {
        var rows: [String] = []
        rows.append(#"<tr><td colspan="2" align="center"><b>Legend</b></td></tr>"#)
        for type in actorTypes {
            let style = DOTStyle.node(type)
            rows.append(#"<tr><td bgcolor="\#(style.fillColor)" border="1" width="40"> </td>"#
                + #"<td align="left">\#(type.rawValue) (\#(shapeName(style)))</td></tr>"#)
        }
        if hasDiscovered {
            rows.append(#"<tr><td border="1" style="dashed" width="40"> </td>"#
                + #"<td align="left">dashed outline: not in the gazetteer</td></tr>"#)
        }
        for type in relationTypes {
            let style = DOTStyle.edge(type)
            rows.append(#"<tr><td><font color="\#(style.color)">\#(sampleLine(style))</font></td>"#
                + #"<td align="left">\#(type.rawValue)\#(meaning(type))</td></tr>"#)
        }
        if !relationTypes.isEmpty {
            rows.append(#"<tr><td colspan="2" align="left"><font point-size="9">line width grows with the number of sentences</font></td></tr>"#)
        }
        return #"<<table border="1" cellborder="0" cellspacing="2" cellpadding="2" bgcolor="white">"#
            + rows.joined() + "</table>>"
    }

    private static func sampleLine(_ style: DOTStyle.EdgeStyle) -> String {
        let dash: String = switch style.style {
        case "dashed": "━ ━ ━ "
        case "dotted": "⋯⋯⋯⋯"
        default: style.basePenWidth < 1 ? "──────" : "━━━━━━"
        }
        let head: String = switch style.arrowhead {
        case nil: ""
        case "onormal": "▷"
        default: "▶"
        }
        return dash + head
    }

    private static func shapeName(_ style: DOTStyle.NodeStyle) -> String {
        let shape = style.shape == "ellipse" ? "oval" : style.shape
        return style.style.contains("rounded") ? "rounded \(shape)" : shape
    }

    private static func meaning(_ type: RelationType) -> String {
        switch type {
        case .subordinateTo: " (unit → parent)"
        case .commands: " (leader → actor)"
        case .memberOf: " (member → actor)"
        case .supports: " (sponsor → supported)"
        case .defectedFrom: " (defector → actor left)"
        case .alliedWith, .fights: ""
        case .coMentioned: " (same sentence, no stated relation)"
        }
    }
}
