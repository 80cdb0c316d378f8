import ArgumentParser

/// A command that only reads: it never creates a workspace, so a mistyped
/// `--workspace` is an error listing the existing ones (exit 65), not a new
/// empty schema. Every other command that opens the database may create it.
protocol ReadOnlyCommand {}

extension AccountCommand.List: ReadOnlyCommand {}
extension AccountCommand.Show: ReadOnlyCommand {}
extension StakeholderCommand.List: ReadOnlyCommand {}
extension StakeholderCommand.Show: ReadOnlyCommand {}
extension DealCommand.List: ReadOnlyCommand {}
extension DealCommand.Show: ReadOnlyCommand {}
extension RoleCommand.List: ReadOnlyCommand {}
extension TouchpointsCommand: ReadOnlyCommand {}
extension MapCommand: ReadOnlyCommand {}
extension EmpathyCommand: ReadOnlyCommand {}
extension PlanCommand.Show: ReadOnlyCommand {}
extension ReportCommand.Pipeline: ReadOnlyCommand {}
extension ReportCommand.Deal: ReadOnlyCommand {}
extension PipelineCommand.List: ReadOnlyCommand {}
extension TaskCommand.List: ReadOnlyCommand {}
extension DBCommand.Status: ReadOnlyCommand {}
extension UnitCommand.List: ReadOnlyCommand {}
extension PainCommand.List: ReadOnlyCommand {}
extension TodayCommand: ReadOnlyCommand {}
extension StakeholderCommand.Find: ReadOnlyCommand {}
extension DayCommand: ReadOnlyCommand {}
extension ObserveCommand.List: ReadOnlyCommand {}
extension WhoamiCommand: ReadOnlyCommand {}
extension TeamCommand.List: ReadOnlyCommand {}
extension UserCommand.List: ReadOnlyCommand {}
extension OCDSExport: ReadOnlyCommand {}
extension SurveyCommand.List: ReadOnlyCommand {}
extension MetricCommand.List: ReadOnlyCommand {}
extension ExportCommand.Accounts: ReadOnlyCommand {}
extension PersonaCommand.List: ReadOnlyCommand {}
extension PersonaCommand.Show: ReadOnlyCommand {}
