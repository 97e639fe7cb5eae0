#include "core/font_file.h"

#include <cstdint>
#include <set>

namespace atlas {

namespace {
std::uint32_t big_endian(std::string_view b, std::size_t at, int bytes) {
    std::uint32_t v = 0;
    for (int i = 0; i < bytes; ++i) v = v << 8 | static_cast<unsigned char>(b[at + std::size_t(i)]);
    return v;
}
}  // namespace

std::string font_file_problem(std::string_view bytes) {
    // The table directory (OpenType's "sfnt" header): a version, the number of tables, then 16
    // bytes a table: its tag, checksum, offset and length.
    if (bytes.size() < 12) return "not a font: " + std::to_string(bytes.size()) + " bytes";
    const std::uint32_t version = big_endian(bytes, 0, 4);
    if (version != 0x00010000u && version != 0x74727565u /* 'true' */)
        return "not a TrueType font (it starts with no TrueType version)";
    const std::size_t tables = big_endian(bytes, 4, 2);
    if (12 + 16 * tables > bytes.size()) return "cut short: its table directory ends past the file's end";
    std::set<std::string> found;
    for (std::size_t t = 0; t < tables; ++t) {
        const std::size_t at = 12 + 16 * t;
        const std::string tag(bytes.substr(at, 4));
        const std::uint64_t offset = big_endian(bytes, at + 8, 4), length = big_endian(bytes, at + 12, 4);
        if (offset + length > bytes.size())
            return "cut short: its table '" + tag + "' ends past the file's end (" + std::to_string(offset + length) +
                   " of " + std::to_string(bytes.size()) + " bytes)";
        found.insert(tag);
    }
    for (const char* needed : {"cmap", "head", "hhea", "hmtx", "loca", "glyf", "maxp"})
        if (!found.count(needed)) return std::string("no '") + needed + "' table, which the panels' text needs";
    return {};
}

}  // namespace atlas
