import CCCDIdentity
import Foundation
public import Hummingbird
public import KioskPipeline
import Logging

/// The `/api/v1` routes (documented in the README): state changes are POSTs, reads are GETs.
public struct KioskAPI<Context: RequestContext>: Sendable {
    let desk: any KioskDesk
    let bus: EventBus
    let demo: (any DemoControl)?

    public init(desk: any KioskDesk, bus: EventBus, demo: (any DemoControl)?) {
        self.desk = desk
        self.bus = bus
        self.demo = demo
    }

    public func register(on router: Router<Context>) {
        let api = router.group("api/v1")
        api.get("status") { _, _ in JSONBody.response(await desk.status()) }
        api.get("session") { _, _ in JSONBody.response(await desk.session()) }
        api.get("events") { request, _ in
            EventStream.response(bus: bus, lastEventID: request.headers[.init("Last-Event-ID")!])
        }
        api.get("session/photo") { _, _ in
            guard let photo = await desk.photo() else {
                return APIError.response(status: .notFound, code: "session.noPhoto",
                                         message: LocalizedText(vi: "Không có ảnh chân dung.", en: "No face image."))
            }
            return Response(status: .ok, headers: [.contentType: photo.format.mimeType, .cacheControl: "no-store"],
                            body: ResponseBody(byteBuffer: ByteBuffer(bytes: photo.bytes)))
        }
        api.post("session/manual") { request, context in
            let entry: ManualEntry
            do {
                var request = request
                let body = try await request.collectBody(upTo: 16 * 1024)
                let decoded = try JSONDecoder().decode(ManualEntryRequest.self, from: Data(buffer: body))
                entry = try decoded.entry()
            } catch let problem as ManualEntryProblem {
                return APIError.response(status: .unprocessableContent, problem)
            } catch {
                return APIError.response(status: .badRequest, ManualEntryProblem(.body))
            }
            await desk.handle(.manual(entry))
            return JSONBody.response(await desk.session(), status: .accepted)
        }
        api.post("session/retry") { _, _ in
            await desk.handle(.retry)
            return JSONBody.response(await desk.session(), status: .accepted)
        }
        api.post("session/clear") { _, _ in
            await desk.handle(.clear)
            return Response(status: .noContent)
        }
        if let demo { registerDemo(demo, on: api) }
    }

    private func registerDemo(_ demo: any DemoControl, on api: RouterGroup<Context>) {
        api.get("demo/patients") { _, _ in JSONBody.response(demo.patients()) }
        api.post("demo/present") { request, _ in
            var request = request
            guard let body = try? await request.collectBody(upTo: 4096),
                  let choice = try? JSONDecoder().decode(DemoChoice.self, from: Data(buffer: body)),
                  demo.patients().contains(where: { $0.id == choice.patient }) else {
                return APIError.response(status: .unprocessableContent, code: "demo.unknownPatient",
                                         message: LocalizedText(vi: "Không có bệnh nhân mẫu này.", en: "No such sample patient."))
            }
            do {
                try await demo.present(choice.patient)
            } catch let error as any UserFacingError {
                return APIError.response(status: .conflict, error)
            } catch {
                return APIError.response(status: .internalServerError, code: "demo.failed",
                                         message: LocalizedText(vi: "Không trình diễn được.", en: "The demo step failed."))
            }
            return JSONBody.response(await desk.session(), status: .accepted)
        }
    }
}

/// `POST /api/v1/demo/present` body.
private struct DemoChoice: Decodable {
    var patient: String
}
