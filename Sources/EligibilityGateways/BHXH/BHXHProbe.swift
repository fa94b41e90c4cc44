public import Eligibility
import Foundation

/// The outcome of ``BHXHEgwGateway/probe()``: can this kiosk log in, and may it call the API?
public struct GatewayProbeReport: Sendable, Hashable {
    public enum Verdict: String, Sendable, Hashable {
        /// Logged in, and the card check answered with a result code other than 401.
        case permitted
        /// The account or password was refused.
        case loginRefused
        /// Logged in, but the card check itself was refused (401/403: unregistered IP or function).
        case permissionRefused
        /// No usable answer (timeouts, 5xx, garbage): nothing is proven either way.
        case unreachable
    }

    public var verdict: Verdict
    public var loginSucceeded: Bool
    /// The dummy lookup's `maKetQua` (typically 050 or 051).
    public var resultCode: String?
    public var httpStatus: Int?
    public var problem: GatewayProblem?
}

extension BHXHEgwGateway {
    /// The health probe of spec §6: log in, then look up a dummy code nobody holds; anything but
    /// 401/403 proves the account may use the API. Sends no patient data.
    public func probe() async -> GatewayProbeReport {
        let session: GatewaySession
        switch await sessions.session() {
        case .failure(let problem):
            let verdict: GatewayProbeReport.Verdict = switch problem.kind {
            case .loginRejected: .loginRefused
            case .accessDenied, .notConfigured: .permissionRefused
            default: .unreachable
            }
            return GatewayProbeReport(verdict: verdict, loginSucceeded: false, httpStatus: problem.httpStatus, problem: problem)
        case .success(let fresh):
            session = fresh
        }
        let body = CardCheckBody(maThe: "0000000000", hoTen: "KIEM TRA KET NOI", ngaySinh: "01/01/2000",
                                 hoTenCb: configuration.staffName, cccdCb: configuration.staffID)
        let reply = await exchange.send(.POST, url: cardCheckURL(session),
                                        headers: [("Content-Type", "application/json; charset=utf-8")],
                                        body: (try? JSONEncoder().encode(body)) ?? Data())
        switch reply {
        case .failure(let problem):
            return GatewayProbeReport(verdict: .unreachable, loginSucceeded: true, problem: problem)
        case .success(let reply):
            let code = AnswerReader.read(reply.body, mapping: AnswerFieldMapping())?.resultCode
            let verdict: GatewayProbeReport.Verdict
            if reply.status == 401 || reply.status == 403 || code == "401" {
                verdict = .permissionRefused
            } else if code == nil || reply.status >= 500 {
                verdict = .unreachable
            } else {
                verdict = .permitted
            }
            return GatewayProbeReport(verdict: verdict, loginSucceeded: true, resultCode: code, httpStatus: reply.status)
        }
    }
}
