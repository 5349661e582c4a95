import ArgumentParser

@main
struct Oversight: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "oversight",
        abstract: "Oversight: the improvement plan of a children's services department, on its own data.",
        subcommands: [
            ValidateCommand.self,
            SynthCommand.self,
        ]
    )
}
