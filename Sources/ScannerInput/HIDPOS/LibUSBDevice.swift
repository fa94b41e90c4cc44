import CCCDIdentity
import CLibUSB

/// A claimed USB interface whose interrupt-IN endpoint is read with synchronous libusb transfers.
///
/// UNTESTED without hardware (see ``USBHIDPOSScanSource``).
///
/// `@unchecked Sendable`: the context and handle are used by one thread at a time — opened on the
/// caller's thread, then handed to the reader thread, which alone reads and finally closes them.
final class LibUSBDevice: BlockingDevice, @unchecked Sendable {
    private let context: OpaquePointer
    private let handle: OpaquePointer
    private let interfaceNumber: Int32
    private let endpoint: UInt8

    /// libusb cannot wait on the wake pipe, so transfers run in short slices between checks.
    private static let slice: Duration = .milliseconds(100)

    private init(context: OpaquePointer, handle: OpaquePointer, interfaceNumber: Int32, endpoint: UInt8) {
        self.context = context
        self.handle = handle
        self.interfaceNumber = interfaceNumber
        self.endpoint = endpoint
    }

    static func open(_ target: USBID, interfaceNumber: Int32) throws(ScannerError) -> LibUSBDevice {
        var contextSlot: OpaquePointer?
        guard libusb_init(&contextSlot) == 0, let context = contextSlot else {
            throw .usb(target, operation: "libusb_init", status: Int32(LIBUSB_ERROR_OTHER.rawValue))
        }
        do throws(ScannerError) {
            let handle = try openHandle(target, context: context)
            do throws(ScannerError) {
                libusb_set_auto_detach_kernel_driver(handle, 1)
                let claimed = libusb_claim_interface(handle, interfaceNumber)
                guard claimed == 0 else { throw .usb(target, operation: "claim interface", status: claimed) }
                guard let endpoint = interruptInEndpoint(handle, interfaceNumber: interfaceNumber) else {
                    libusb_release_interface(handle, interfaceNumber)
                    throw .usbNoInterruptEndpoint(target)
                }
                return LibUSBDevice(context: context, handle: handle, interfaceNumber: interfaceNumber, endpoint: endpoint)
            } catch {
                libusb_close(handle)
                throw error
            }
        } catch {
            libusb_exit(context)
            throw error
        }
    }

    private static func openHandle(_ target: USBID, context: OpaquePointer) throws(ScannerError) -> OpaquePointer {
        var list: UnsafeMutablePointer<OpaquePointer?>?
        let count = libusb_get_device_list(context, &list)
        guard count >= 0, let list else {
            throw .usb(target, operation: "list devices", status: Int32(truncatingIfNeeded: count))
        }
        defer { libusb_free_device_list(list, 1) }
        for index in 0..<count {
            guard let device = list[index] else { continue }
            var descriptor = libusb_device_descriptor()
            guard libusb_get_device_descriptor(device, &descriptor) == 0,
                  descriptor.idVendor == target.vendor, descriptor.idProduct == target.product
            else { continue }
            var handle: OpaquePointer?
            let status = libusb_open(device, &handle)
            guard status == 0, let handle else { throw .usb(target, operation: "open", status: status) }
            return handle
        }
        throw .deviceMissing(target.description)
    }

    private static func interruptInEndpoint(_ handle: OpaquePointer, interfaceNumber: Int32) -> UInt8? {
        var configSlot: UnsafeMutablePointer<libusb_config_descriptor>?
        guard let device = libusb_get_device(handle),
              libusb_get_active_config_descriptor(device, &configSlot) == 0, let config = configSlot
        else { return nil }
        defer { libusb_free_config_descriptor(config) }
        for interfaceIndex in 0..<Int(config.pointee.bNumInterfaces) {
            let interface = config.pointee.interface[interfaceIndex]
            guard interface.num_altsetting > 0 else { continue }
            let setting = interface.altsetting[0]
            guard Int32(setting.bInterfaceNumber) == interfaceNumber else { continue }
            for endpointIndex in 0..<Int(setting.bNumEndpoints) {
                let endpoint = setting.endpoint[endpointIndex]
                let isInterrupt = endpoint.bmAttributes & 0x03 == UInt8(LIBUSB_TRANSFER_TYPE_INTERRUPT.rawValue)
                if isInterrupt && endpoint.bEndpointAddress & 0x80 != 0 { return endpoint.bEndpointAddress }
            }
        }
        return nil
    }

    func read(maxBytes: Int, timeout: Duration?, wake: WakeSignal) -> DeviceRead {
        var buffer = [UInt8](repeating: 0, count: max(1, maxBytes))
        var waited: Duration = .zero
        while true {
            if wake.isSignalled { return .cancelled }
            if let timeout, waited >= timeout { return .quiet }
            let slice = timeout.map { min(Self.slice, $0 - waited) } ?? Self.slice
            var transferred: Int32 = 0
            let status = libusb_interrupt_transfer(
                handle, endpoint, &buffer, Int32(clamping: buffer.count), &transferred,
                UInt32(max(1, slice.pollMilliseconds)))
            // A timed-out transfer may still have delivered part of a report.
            if transferred > 0 { return .data(Array(buffer[0..<Int(transferred)])) }
            switch status {
            case 0, LIBUSB_ERROR_TIMEOUT.rawValue, LIBUSB_ERROR_INTERRUPTED.rawValue:
                waited += slice
            default:
                return .gone(reason: String(cString: libusb_error_name(status)))
            }
        }
    }

    func close() {
        libusb_release_interface(handle, interfaceNumber)
        libusb_close(handle)
        libusb_exit(context)
    }
}

extension ScannerError {
    static func usb(_ target: USBID, operation: String, status: Int32) -> ScannerError {
        let name = String(cString: libusb_error_name(status))
        switch status {
        case LIBUSB_ERROR_ACCESS.rawValue: return .permissionDenied(target.description, diagnostic: name)
        case LIBUSB_ERROR_NO_DEVICE.rawValue, LIBUSB_ERROR_NOT_FOUND.rawValue:
            return .deviceMissing(target.description, diagnostic: name)
        case LIBUSB_ERROR_BUSY.rawValue: return .deviceBusy(target.description, diagnostic: name)
        default: return .openFailed(target.description, diagnostic: "\(operation): \(name)")
        }
    }

    static func usbNoInterruptEndpoint(_ target: USBID) -> ScannerError {
        ScannerError(
            code: "scanner.usb.noInterruptEndpoint",
            message: LocalizedText(
                vi: "Giao diện USB của \(target) không có điểm cuối interrupt-IN; chọn đúng giao diện HID POS",
                en: "The USB interface of \(target) has no interrupt-IN endpoint; choose the HID POS interface"),
            recovery: .reconfigure)
    }
}
