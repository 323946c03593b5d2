import ArgumentParser

@main
struct ActorGraphCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "actorgraph",
        abstract: "Turn Arabic news about the Syrian conflict into a graph of armed actors.",
        version: "0.1.0",
        subcommands: [BuildCommand.self, ExtractCommand.self, RenderCommand.self, DiffCommand.self, ExportCommand.self, MergeCommand.self,
            NeighborsCommand.self, ShowCommand.self, PathCommand.self, TopCommand.self, EntitiesCommand.self, IndexCommand.self]
    )
}
