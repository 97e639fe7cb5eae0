#include "core/theme.h"

#include "core/color.h"
#include "core/json_io.h"
#include "core/record_reader.h"

namespace atlas {
using json = nlohmann::json;
using records::RecordReader;

const std::vector<std::string>& theme_color_names() {
    static const std::vector<std::string> names = {
        "map.background", "map.ocean", "map.landOther", "map.landSouth", "map.landMexico", "map.borders",
        "map.graticule", "map.markerOutline", "map.linkHalo", "map.clusterFill", "map.clusterText",
        "ui.panel", "ui.text", "ui.muted", "ui.titleBar", "ui.titleBarActive", "ui.frame", "ui.button",
        "ui.buttonHovered", "ui.accent", "ui.accentText", "ui.link", "ui.labelText", "ui.labelHalo",
        "ui.attribution", "ui.attributionText", "ui.spotlight", "ui.blank", "ui.insetFrame", "ui.card", "ui.cardText", "ui.warning"};
    return names;
}

Color Theme::color(std::string_view key) const {
    auto it = colors.find(key);
    return it == colors.end() ? Color{1, 0, 1, 1} : it->second;
}

float Theme::size(std::string_view key) const {
    auto it = sizes.find(key);
    return it == sizes.end() ? 0.0f : it->second;
}

std::vector<Theme> load_themes(const std::string& text, const std::string& file, std::vector<Problem>& problems) {
    std::vector<Theme> themes;
    JsonDocument doc = parse_json(text);
    if (!doc.ok()) {
        problems.push_back({Problem::Severity::Error, file, "", "", doc.error});
        return themes;
    }
    records::load_records(doc.value, file, "themes", "theme", themes, problems, [&](RecordReader& r, Theme& t, std::size_t) {
        const json* name = r.get("name", true);
        if (name && name->is_object())
            for (const auto& [lang, value] : name->items())
                if (value.is_string()) t.name.by_language[lang] = value.get<std::string>();
        if (!t.name.by_language.count("en")) r.fail("name", "the English text (\"en\") is missing");
        const std::string base = r.str("base");
        if (!base.empty() && base != "light" && base != "dark")
            r.fail("base", "expected \"light\" or \"dark\", got \"{got}\"", {{"got", base}});
        t.dark = base == "dark";
        if (const json* colors = r.get("colors", true); colors && colors->is_object()) {
            for (const auto& key : theme_color_names()) {
                auto it = colors->find(key);
                Color c;
                if (it == colors->end()) r.fail("colors", "no colour for \"{key}\"", {{"key", key}});
                else if (!it->is_string() || !parse_hex_color(it->get<std::string>(), c))
                    r.fail("colors", "expected a colour like \"#E69F00\" for \"{key}\"", {{"key", key}});
                else t.colors[key] = c;
            }
        }
        if (const json* sizes = r.get("sizes", false); sizes && sizes->is_object()) {
            for (const auto& [key, value] : sizes->items()) {
                if (value.is_number() && value.get<double>() >= 0 && value.get<double>() <= 8) t.sizes[key] = value.get<float>();
                else r.fail("sizes", "\"{key}\" must be a number within 0..8", {{"key", key}});
            }
        }
        r.only({"id", "name", "base", "colors", "sizes"});
    });
    return themes;
}

}  // namespace atlas
