// The panels' fonts on the GPU, without the RGBA copy of the whole atlas that ImGui's GL backend
// makes first (4 bytes a pixel, 2.9 MB at once for 1024x702: the web's memory keeps its highest
// level). The backend still makes and owns the texture; it is then filled from the atlas's 1-byte
// coverage, read as the white texels with that alpha the backend would upload (1 or 2 bytes a pixel:
// platform::kCoverageTexels).
#pragma once

namespace atlas {

// The backend's GL objects (ImGui_ImplOpenGL3_CreateDeviceObjects) before any font is loaded: its
// program, and a white pixel for the fonts' texture until make_font_texture. Made at start-up
// before the data is read, so that a software GL compiles the panels' program and pipeline then.
bool make_panel_objects();
// Makes the backend's texture for the fonts as they are now (the one before it deleted).
bool make_font_texture();

}  // namespace atlas
