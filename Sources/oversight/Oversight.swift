import ArgumentParser
import Foundation

@main
struct Oversight: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "oversight",
        abstract: "Oversight: the improvement plan of a children's services department, on its own data.",
        subcommands: [
            ValidateCommand.self,
            MeasuresCommand.self,
            FuzzCommand.self,
            ComparatorsCommand.self,
            ReferenceCommand.self,
            KPIsCommand.self,
            SynthCommand.self,
            DemoCommand.self,
            BenchmarkCommand.self,
            MigrateCommand.self,
            ImportCommand.self,
            ImportsCommand.self,
            JobsCommand.self,
            TeamsCommand.self,
            WorkersCommand.self,
            ActionsCommand.self,
            NotifyCommand.self,
            BackupCommand.self,
            RestoreCommand.self,
            ServeCommand.self,
            UsersCommand.self,
            RegionCommand.self,
            ReportCommand.self,
            PlanCommand.self,
            TemplatesCommand.self,
            FeedbackCommand.self,
            ActivityCommand.self,
            RoutesCommand.self,
            AuthenticatorCodeCommand.self,
            SingleSignOnCommand.self,
        ]
    )

    /// Runs the command; usage errors and unusable input exit with status 2 and a plain message.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let e as CLIError {
            FileHandle.standardError.write(Data((e.description + "\n").utf8))
            Foundation.exit(2)
        } catch let e as ReferenceFolderError {
            FileHandle.standardError.write(Data(("error: " + e.description + "\n").utf8))
            Foundation.exit(2)
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
