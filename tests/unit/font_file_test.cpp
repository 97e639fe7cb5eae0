// The font check that keeps a broken font file from the rasteriser (stb_truetype trusts it).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/font_file.h"

namespace atlas {
namespace {

void put(std::string& b, std::size_t at, std::uint32_t v, int bytes) {
    for (int i = bytes - 1; i >= 0; --i, v >>= 8) b[at + std::size_t(i)] = char(v & 0xff);
}

// An sfnt header with the given tables, each `length` bytes long, laid out after the directory.
std::string font_with(const std::vector<std::string>& tags, std::uint32_t length = 8) {
    const std::size_t directory_end = 12 + 16 * tags.size();
    std::string b(directory_end + tags.size() * length, '\x01');
    put(b, 0, 0x00010000u, 4);
    put(b, 4, std::uint32_t(tags.size()), 2);
    for (std::size_t t = 0; t < tags.size(); ++t) {
        const std::size_t at = 12 + 16 * t;
        b.replace(at, 4, tags[t]);
        put(b, at + 8, std::uint32_t(directory_end + t * length), 4);
        put(b, at + 12, length, 4);
    }
    return b;
}

const std::vector<std::string> kNeeded = {"cmap", "glyf", "head", "hhea", "hmtx", "loca", "maxp"};

TEST(FontFile, AFontWithTheTablesTheRasteriserReadsPasses) {
    EXPECT_EQ(font_file_problem(font_with(kNeeded)), "");
    std::vector<std::string> more = kNeeded;
    more.push_back("name");
    EXPECT_EQ(font_file_problem(font_with(more)), "");
}

TEST(FontFile, EmptyOrTooShortIsNotAFont) {
    EXPECT_EQ(font_file_problem(""), "not a font: 0 bytes");
    EXPECT_EQ(font_file_problem(std::string("\x00\x01\x00", 3)), "not a font: 3 bytes");
}

TEST(FontFile, OtherBytesAreNotATrueTypeFont) {
    std::string text(200, 'x');
    EXPECT_NE(font_file_problem(text).find("not a TrueType font"), std::string::npos);
    std::string otf = font_with(kNeeded);
    otf.replace(0, 4, "OTTO");  // CFF outlines: stb_truetype does not read them
    EXPECT_NE(font_file_problem(otf).find("not a TrueType font"), std::string::npos);
}

TEST(FontFile, ACutFileIsNamedByTheTableThatEndsPastIt) {
    const std::string whole = font_with(kNeeded);
    const std::string cut = whole.substr(0, whole.size() - 3);
    EXPECT_EQ(font_file_problem(cut), "cut short: its table 'maxp' ends past the file's end (" +
                                          std::to_string(whole.size()) + " of " + std::to_string(cut.size()) + " bytes)");
    EXPECT_EQ(font_file_problem(whole.substr(0, 40)), "cut short: its table directory ends past the file's end");
}

TEST(FontFile, AMissingTableIsNamed) {
    std::vector<std::string> tags = kNeeded;
    tags.erase(tags.begin());  // no cmap: no way from characters to glyphs
    EXPECT_EQ(font_file_problem(font_with(tags)), "no 'cmap' table, which the panels' text needs");
}

}  // namespace
}  // namespace atlas
