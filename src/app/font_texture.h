// The panels' fonts on the GPU, without the RGBA copy of the whole atlas that ImGui's GL backend
// makes first (4 bytes a pixel, 2.9 MB at once for 1024x702: the web's memory keeps its highest
// level). The backend still makes and owns the texture; it is then filled a strip at a time from
// the atlas's 1-byte coverage, with the same white RGBA texels the backend would upload.
#pragma once

namespace atlas {

// Calls `make_texture` (ImGui_ImplOpenGL3_CreateFontsTexture, or CreateDeviceObjects, which calls
// it) and fills the texture it made for the fonts as they are now.
bool make_font_texture(bool (*make_texture)());

}  // namespace atlas
