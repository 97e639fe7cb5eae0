// Themes: the colours (and a few sizes) of the map and the panels, as data (assets/themes/
// themes.json), so the legend, the panels and the map can never differ: light, dark for dim halls
// and dark slides, and high contrast. Every theme names every colour of kThemeColors; a theme
// that does not is reported (file, theme, colour) and not offered.
#pragma once
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "core/dataset_loader.h"

namespace atlas {

struct Theme {
    std::string id;
    Texts name;
    bool dark = false;  // the panels start from a dark palette
    std::map<std::string, Color, std::less<>> colors;  // "map.ocean", "ui.text", ... (looked up without a copy of the key)
    std::map<std::string, float, std::less<>> sizes;  // "frameBorder", "windowBorder"
    Color color(std::string_view key) const;  // magenta when missing (never: loading checks)
    float size(std::string_view key) const;
};

// The colours a theme must give: map.* for the renderer, ui.* for the panels.
const std::vector<std::string>& theme_color_names();

// Reads a themes file; the themes that are complete load, the others are reported. The app needs
// at least one (like its fonts and basemap): without, it says why and does not start.
std::vector<Theme> load_themes(const std::string& text, const std::string& file, std::vector<Problem>& problems);

}  // namespace atlas
