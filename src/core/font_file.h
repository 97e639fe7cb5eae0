// A font file checked before the panels' rasteriser reads it. stb_truetype (inside Dear ImGui)
// trusts its input: a file that is not a TrueType font made it read at offset -1, and a cut one past
// its end (a kiosk's damaged disk, a bad copy): a crash, or glyphs from whatever memory follows.
#pragma once
#include <string>
#include <string_view>

namespace atlas {

// Empty if `bytes` is a TrueType font whose tables, and those the rasteriser needs, lie within the
// file; otherwise what is wrong with it.
std::string font_file_problem(std::string_view bytes);

}  // namespace atlas
