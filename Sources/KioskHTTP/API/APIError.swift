public import CCCDIdentity
import Foundation
public import Hummingbird

/// The API's error body: `{"error":{"code":…,"message":{"vi":…,"en":…}}}`.
public enum APIError {
    struct Body: Encodable {
        struct Detail: Encodable {
            var code: String
            var message: LocalizedText
        }
        var error: Detail
    }

    public static func response(status: HTTPResponse.Status, code: String, message: LocalizedText) -> Response {
        let data = (try? JSONEncoder().encode(Body(error: .init(code: code, message: message)))) ?? Data()
        return Response(status: status, headers: [.contentType: "application/json; charset=utf-8"],
                        body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }

    public static func response(status: HTTPResponse.Status, _ error: any UserFacingError) -> Response {
        response(status: status, code: error.code, message: error.message)
    }
}

/// Encodes API answers as compact UTF-8 JSON.
enum JSONBody {
    static func response(_ value: some Encodable, status: HTTPResponse.Status = .ok) -> Response {
        guard let data = try? JSONEncoder().encode(value) else {
            return APIError.response(status: .internalServerError, code: "http.encoding",
                                     message: LocalizedText(vi: "Lỗi nội bộ.", en: "Internal error."))
        }
        return Response(status: status, headers: [.contentType: "application/json; charset=utf-8"],
                        body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }
}
