#include <gtest/gtest.h>

#include "core/glyph_set.h"

using atlas::GlyphSet;

TEST(GlyphSet, TheBaseCoversTypingInTheAppsLanguagesButNotTheWholeFont) {
    GlyphSet g;
    for (char32_t c : {U'a', U'Z', U'~', U'ñ', U'É', U'ç', U'ã', U'Ł', U'ő', U'–', U'…', U'→', U'▶', U'\u202F'})
        EXPECT_TRUE(g.contains(c)) << std::hex << unsigned(c);
    for (char32_t c : {U'ṭ', U'ʼ', U'ệ', U'\u0301', U'\u007F', U'\u0085'}) EXPECT_FALSE(g.contains(c)) << std::hex << unsigned(c);
    EXPECT_LT(g.size(), 450u);  // the font subset has about 1,100 characters
}

TEST(GlyphSet, TextAddsItsLettersOnceAndSaysWhenOneWasNew) {
    GlyphSet g;
    const std::size_t base = g.size();
    EXPECT_FALSE(g.add_text("Querétaro, São Paulo, Łódź"));  // all in the base
    EXPECT_TRUE(g.add_text("Ṭāʼif · Hà Nội"));
    EXPECT_TRUE(g.contains(U'Ṭ'));
    EXPECT_TRUE(g.contains(U'ʼ'));
    EXPECT_TRUE(g.contains(U'ộ'));
    EXPECT_EQ(g.size(), base + 3);
    EXPECT_FALSE(g.add_text("Hà Nội"));
}

TEST(GlyphSet, BrokenTextAndCharactersBeyondTheFontsReachAreLeftOut) {
    GlyphSet g;
    const std::size_t base = g.size();
    EXPECT_FALSE(g.add_text(std::string("\xC3\x28 \xE2\x82 \xFF \x80", 10)));  // invalid UTF-8
    EXPECT_FALSE(g.add_text("\xF0\x9F\x98\x80"));                             // U+1F600, beyond 16 bits
    EXPECT_FALSE(g.add_text(std::string("\xC2\x85", 2)));                    // a C1 control
    EXPECT_EQ(g.size(), base);
}

TEST(GlyphSet, RangesAreAscendingInclusivePairsEndingWithZero) {
    GlyphSet g;
    g.add_text("ṬṭṮ");  // U+1E6C..U+1E6E: one range
    const std::vector<std::uint16_t> r = g.ranges();
    ASSERT_EQ(r.size() % 2, 1u);
    EXPECT_EQ(r.back(), 0);
    EXPECT_EQ(r[0], 0x20);
    EXPECT_EQ(r[1], 0x7E);
    std::size_t covered = 0;
    for (std::size_t i = 0; i + 1 < r.size(); i += 2) {
        EXPECT_LE(r[i], r[i + 1]);
        if (i > 0) EXPECT_GT(r[i], r[i - 1] + 1u);  // ranges never touch: they would be one
        covered += r[i + 1] - r[i] + 1u;
    }
    EXPECT_EQ(covered, g.size());
    bool found = false;
    for (std::size_t i = 0; i + 1 < r.size(); i += 2) found = found || (r[i] == 0x1E6C && r[i + 1] == 0x1E6E);
    EXPECT_TRUE(found);
}
