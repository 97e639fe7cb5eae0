#include "core/font_file.h"

#include <set>

#include "core/byte_reader.h"

namespace atlas {

std::string font_file_problem(std::string_view bytes) {
    // The table directory (OpenType's "sfnt" header): a version, the number of tables and three
    // numbers for binary search, then 16 bytes a table: its tag, checksum, offset and length.
    if (bytes.size() < 12) return "not a font: " + std::to_string(bytes.size()) + " bytes";
    ByteReader r(bytes, ByteReader::Order::BigEndian);
    std::uint32_t version = 0, tables = 0;
    r.u32(version), r.u16(tables), r.skip(6);
    if (version != 0x00010000u && version != 0x74727565u /* 'true' */)
        return "not a TrueType font (it starts with no TrueType version)";
    if (r.remaining() < 16 * std::size_t(tables)) return "cut short: its table directory ends past the file's end";
    std::set<std::string> found;
    for (std::uint32_t t = 0; t < tables; ++t) {
        std::string tag;
        std::uint32_t offset = 0, length = 0;
        r.bytes(4, tag), r.skip(4), r.u32(offset), r.u32(length);  // (within the directory, checked above)
        if (std::uint64_t(offset) + length > bytes.size())
            return "cut short: its table '" + tag + "' ends past the file's end (" +
                   std::to_string(std::uint64_t(offset) + length) + " of " + std::to_string(bytes.size()) + " bytes)";
        found.insert(tag);
    }
    for (const char* needed : {"cmap", "head", "hhea", "hmtx", "loca", "glyf", "maxp"})
        if (!found.count(needed)) return std::string("no '") + needed + "' table, which the panels' text needs";
    return {};
}

}  // namespace atlas
