/// The tool's version, written into every snapshot.
public enum ActorGraphVersion {
    public static let current = "0.1.0"
}
