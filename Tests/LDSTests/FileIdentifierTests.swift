import LDS
import Testing

@Suite struct FileIdentifierTests {
    @Test func identifiersOfTheFilesACCCDReaderReads() {
        let expected: [(LDSFile, UInt16, UInt8, UInt8)] = [
            (.com, 0x011E, 0x1E, 0x60), (.sod, 0x011D, 0x1D, 0x77), (.cardAccess, 0x011C, 0x1C, 0x31),
            (.dataGroup(.dg1), 0x0101, 0x01, 0x61), (.dataGroup(.dg2), 0x0102, 0x02, 0x75),
            (.dataGroup(.dg3), 0x0103, 0x03, 0x63), (.dataGroup(.dg4), 0x0104, 0x04, 0x76),
            (.dataGroup(.dg13), 0x010D, 0x0D, 0x6D), (.dataGroup(.dg14), 0x010E, 0x0E, 0x6E),
            (.dataGroup(.dg15), 0x010F, 0x0F, 0x6F), (.dataGroup(.dg16), 0x0110, 0x10, 0x70),
        ]
        for (file, fileID, shortFileID, tag) in expected {
            #expect(file.fileID == fileID, "\(file)")
            #expect(file.shortFileID == shortFileID, "\(file)")
            #expect(file.tag == tag, "\(file)")
            #expect(LDSFile(fileID: fileID) == file)
        }
        #expect(LDSFile(fileID: 0x3F00) == nil)
        #expect(LDSFile.dataGroup(.dg13).description == "DG13")
        #expect(LDSFile.sod.description == "EF.SOD")
        for file in LDSFile.all { #expect(LDSFile(fileName: file.fileName) == file) }
        #expect(LDSFile.dataGroup(.dg2).fileName == "DG2.bin")
        #expect(LDSFile(fileName: "DG17.bin") == nil)
    }

    @Test func tagsAndNumbersRoundTrip() {
        for group in DataGroup.allCases {
            #expect(DataGroup(tag: group.tag) == group)
            #expect(DataGroup(number: group.number) == group)
        }
        #expect(Set(DataGroup.allCases.map(\.tag)).count == 16)
        #expect(DataGroup(tag: 0x60) == nil)
        #expect(DataGroup(number: 17) == nil)
        #expect(DataGroup(number: 0) == nil)
    }

    @Test(arguments: [
        ("61 5B 5F 1F", 93), ("60 16", 24), ("75 82 3A E7 7F 61", 15083), ("6D 81 80 30", 131),
        ("77 83 01 00 00 30", 65541), ("6E 84 00 00 01 00", 262),
    ])
    func totalLengthFromTheFirstBytes(prefix: String, total: Int) throws {
        #expect(try LDSFileLength.totalLength(ofFileStartingWith: hex(prefix)) == total)
    }

    @Test func headerErrorsAreTyped() {
        func reason(_ prefix: String, file: LDSFile? = nil, maximum: Int = LDSFileLength.defaultMaximum) -> LDSFailure? {
            do {
                _ = try LDSFileLength.totalLength(ofFileStartingWith: hex(prefix), file: file, maximum: maximum)
                return nil
            } catch {
                return error.reason
            }
        }
        #expect(reason("") == .truncatedHeader)
        #expect(reason("61") == .truncatedHeader)
        #expect(reason("61 82 01") == .truncatedHeader)
        #expect(reason("77 84 FF FF FF FF") == .lengthTooLarge)
        #expect(reason("75 83 10 00 00") == .lengthTooLarge)
        #expect(reason("75 82 10 00", maximum: 0x0FFF) == .lengthTooLarge)
        #expect(reason("61 80") == .lengthTooLarge)
        #expect(reason("61 85 00 00 00 00 01") == .lengthTooLarge)
        #expect(reason("6E 05", file: .dataGroup(.dg13)) == .unexpectedFileTag)
        #expect(reason("6D 05", file: .dataGroup(.dg13)) == nil)
    }
}
