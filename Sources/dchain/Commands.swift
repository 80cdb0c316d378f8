/// Every top-level command, in the order `dchain --help` lists them.
import ArgumentParser

extension DChain {
    static let commands: [ParsableCommand.Type] = [
        LogCommand.self,
        TouchpointsCommand.self, TouchpointCommand.self,
        AccountCommand.self,
        UnitCommand.self,
        StakeholderCommand.self,
        DealCommand.self,
        RoleCommand.self,
        PainCommand.self,
        MapCommand.self, EmpathyCommand.self, PersonaCommand.self, ObserveCommand.self, DayCommand.self,
        SurveyCommand.self, MetricCommand.self,
        PlanCommand.self, TaskCommand.self, TodayCommand.self, UndoCommand.self,
        PipelineCommand.self, ReportCommand.self, VocabularyCommand.self,
        CaseCommand.self,
        ImportCommand.self, ExportCommand.self,
        TeamCommand.self, UserCommand.self, WhoamiCommand.self,
        DBCommand.self, DevCommand.self,
    ]
}
