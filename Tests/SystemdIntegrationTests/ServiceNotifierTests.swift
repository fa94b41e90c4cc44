import CCCDTestSupport
import Foundation
import SystemdIntegration
import Testing

@Suite("systemd notify protocol over a real AF_UNIX datagram socket")
struct ServiceNotifierTests {
    @Test("READY, STATUS, RELOADING with MONOTONIC_USEC, STOPPING and WATCHDOG arrive as sd_notify datagrams")
    func notificationsArrive() async throws {
        try await withTemporaryDirectory { directory in
            let listener = try DatagramListener(path: directory.appendingPathComponent("notify").path)
            let notifier = ServiceNotifier(environment: ["NOTIFY_SOCKET": listener.path])
            #expect(notifier.isActive)

            notifier.ready(status: "2 readers,\n1 scanner")
            #expect(await listener.receiveText(within: .seconds(2)) == "READY=1\nSTATUS=2 readers, 1 scanner")
            notifier.reloading()
            let reloading = try #require(await listener.receiveText(within: .seconds(2)))
            let lines = reloading.split(separator: "\n")
            #expect(lines.first == "RELOADING=1")
            let microseconds = try #require(lines.last.flatMap { UInt64($0.dropFirst("MONOTONIC_USEC=".count)) })
            #expect(microseconds > 0)
            notifier.stopping()
            #expect(await listener.receiveText(within: .seconds(2)) == "STOPPING=1")
            notifier.watchdogAlive()
            #expect(await listener.receiveText(within: .seconds(2)) == "WATCHDOG=1")
        }
    }

    @Test("an abstract-namespace address (@name) reaches a listener bound there")
    func abstractNamespace() async throws {
        let name = "cccd-test-\(UUID().uuidString)"
        let listener = try DatagramListener(path: "@" + name)
        let target = try #require(UnixDatagramTarget(address: "@" + name))
        #expect(target.send("READY=1"))
        #expect(await listener.receiveText(within: .seconds(2)) == "READY=1")
    }

    @Test("no NOTIFY_SOCKET, a relative path or a missing listener: notifications are dropped, never fatal")
    func inactiveWithoutSocket() async throws {
        #expect(!ServiceNotifier(environment: [:]).isActive)
        #expect(UnixDatagramTarget(address: "relative/path") == nil)
        #expect(UnixDatagramTarget(address: "") == nil)
        let missing = try #require(UnixDatagramTarget(address: "/nonexistent/cccd-notify"))
        #expect(!missing.send("READY=1"))
        ServiceNotifier(environment: ["NOTIFY_SOCKET": "/nonexistent/cccd-notify"]).ready(status: "ok")
    }

    @Test("the watchdog is honoured at half of WATCHDOG_USEC, and only for our own PID")
    func watchdogSchedule() throws {
        let mine = try #require(WatchdogSchedule(environment: ["WATCHDOG_USEC": "30000000"], processID: 42))
        #expect(mine.pingInterval == .seconds(15))
        #expect(WatchdogSchedule(environment: ["WATCHDOG_USEC": "30000000", "WATCHDOG_PID": "42"], processID: 42) != nil)
        #expect(WatchdogSchedule(environment: ["WATCHDOG_USEC": "30000000", "WATCHDOG_PID": "7"], processID: 42) == nil)
        #expect(WatchdogSchedule(environment: ["WATCHDOG_USEC": "0"], processID: 42) == nil)
        #expect(WatchdogSchedule(environment: ["WATCHDOG_USEC": "soon"], processID: 42) == nil)
        #expect(WatchdogSchedule(environment: [:], processID: 42) == nil)
    }
}
