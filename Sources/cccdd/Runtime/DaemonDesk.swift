import KioskHTTP
import KioskPipeline
import LDS

/// The pipeline and the status board as the HTTP layer sees them.
struct DaemonDesk: KioskDesk {
    let coordinator: PresentationCoordinator
    let board: StatusBoard

    func session() async -> SessionView { await coordinator.view }
    func photo() async -> FaceImage? { await coordinator.photo }
    func handle(_ input: PresentationInput) async { await coordinator.handle(input) }
    func status() async -> StatusView { await board.view }
}
