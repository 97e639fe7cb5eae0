#pragma once
// The characters the app may have to draw, as glyph ranges for the fonts: the letters of its data,
// catalogues and tours, and a base for what people type. Rasterising only these, not the whole
// font, makes the font atlas about a third of the size and quicker to build at start-up.
#include <cstdint>
#include <string_view>
#include <vector>

namespace atlas {

class GlyphSet {
public:
    GlyphSet();  // the base: printable ASCII, Latin-1, Latin Extended-A, the punctuation and symbols of the UI
    void add(std::uint32_t first, std::uint32_t last);
    // Adds the characters of UTF-8 text (those of the Basic Multilingual Plane, the fonts' reach);
    // true when one was new.
    bool add_text(std::string_view utf8);
    bool contains(std::uint32_t c) const { return c < kLimit && bits_[c]; }
    std::size_t size() const { return count_; }
    // Inclusive [first, last] pairs, ascending, ending with a 0: the form of ImGui's glyph ranges.
    std::vector<std::uint16_t> ranges() const;

private:
    static constexpr std::uint32_t kLimit = 0x10000;
    std::vector<bool> bits_;
    std::size_t count_ = 0;
};

}  // namespace atlas
