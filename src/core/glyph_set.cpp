#include "core/glyph_set.h"

#include "core/utf8.h"

namespace atlas {

GlyphSet::GlyphSet() : bits_(kLimit, false) {
    add(0x20, 0x7E);      // ASCII
    add(0xA0, 0x17F);     // Latin-1 and Latin Extended-A: what visitors type in Spanish, French, Portuguese...
    add(0x2013, 0x2026);  // dashes, quotes, bullet, ellipsis
    add(0x202F, 0x202F);  // the narrow no-break space of French numbers
    add(0x2190, 0x2199);  // arrows (keys in the help)
    add(0x25A0, 0x25CF);  // squares, triangles, circles (legends, play and pause)
}

void GlyphSet::add(std::uint32_t first, std::uint32_t last) {
    for (std::uint32_t c = first; c <= last && c < kLimit; ++c)
        if (!bits_[c]) bits_[c] = true, ++count_;
}

bool GlyphSet::add_text(std::string_view utf8) {
    const std::size_t before = count_;
    for (std::size_t i = 0; i < utf8.size();) {
        if (static_cast<unsigned char>(utf8[i]) < 0x80) {  // ASCII is in the base
            ++i;
            continue;
        }
        const std::uint32_t c = next_code_point(utf8, i);
        if (c >= 0xA0 && c < kLimit && c != 0xFFFD && !bits_[c]) bits_[c] = true, ++count_;
    }
    return count_ != before;
}

std::vector<std::uint16_t> GlyphSet::ranges() const {
    std::vector<std::uint16_t> out;
    for (std::uint32_t c = 1; c < kLimit; ++c) {
        if (!bits_[c]) continue;
        std::uint32_t last = c;
        while (last + 1 < kLimit && bits_[last + 1]) ++last;
        out.push_back(std::uint16_t(c));
        out.push_back(std::uint16_t(last));
        c = last;
    }
    out.push_back(0);
    return out;
}

}  // namespace atlas
