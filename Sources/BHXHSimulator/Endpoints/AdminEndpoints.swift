import Hummingbird

/// `/_sim/…`: the request log and the levers a test or a demo operator pulls on a running
/// simulator (only ever bound to loopback). Admin calls are not themselves recorded.
struct AdminEndpoints: Sendable {
    let state: SimulatorState

    func register(on router: Router<SimulatorContext>) {
        router.get(RouterPath(SimulatorPaths.requests)) { _, _ in
            Responses.json(await state.requests())
        }
        router.delete(RouterPath(SimulatorPaths.requests)) { _, _ in
            await state.clearRequests()
            return Response(status: .noContent)
        }
        // `POST /_sim/outage?on=true|false`
        router.post(RouterPath(SimulatorPaths.outage)) { request, _ in
            await state.setOutage(request.uri.queryParameters["on"] == "true")
            return Response(status: .noContent)
        }
        router.post(RouterPath(SimulatorPaths.expireTokens)) { _, _ in
            await state.expireAllTokens()
            return Response(status: .noContent)
        }
        // `POST /_sim/latency?ms=N`: every card check waits N ms more (0 = none).
        router.post(RouterPath(SimulatorPaths.latency)) { request, _ in
            guard let milliseconds = request.uri.queryParameters["ms"].flatMap({ Int($0) }), (0...600_000).contains(milliseconds) else {
                return Response(status: .badRequest)
            }
            var faults = await state.faults
            faults.extraLatencyMilliseconds = milliseconds
            await state.inject(faults)
            return Response(status: .noContent)
        }
        // `POST /_sim/html-errors?status=503` (400…599): card checks answer that HTML page; `status=0` stops it.
        router.post(RouterPath(SimulatorPaths.htmlErrors)) { request, _ in
            guard let status = request.uri.queryParameters["status"].flatMap({ Int($0) }), status == 0 || (400...599).contains(status) else {
                return Response(status: .badRequest)
            }
            var faults = await state.faults
            faults.htmlErrorStatus = status == 0 ? nil : status
            await state.inject(faults)
            return Response(status: .noContent)
        }
        // `POST /_sim/clock?advance=SECONDS`
        router.post(RouterPath(SimulatorPaths.clock)) { request, _ in
            guard let seconds = request.uri.queryParameters["advance"].flatMap({ Double($0) }) else {
                return Response(status: .badRequest)
            }
            await state.advanceClock(by: seconds)
            return Response(status: .noContent)
        }
    }
}
