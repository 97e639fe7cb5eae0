#include "core/export.h"

#include <cstdio>

#include "core/great_circle.h"
#include "core/json_io.h"

namespace atlas {
using json = nlohmann::json;

namespace {
std::string sources_text(const std::vector<Source>& sources) {
    std::string out;
    for (const auto& s : sources) out += (out.empty() ? "" : " | ") + (s.url.empty() ? s.note : s.url);
    return out;
}

std::string cell(const std::string& text, char separator) {
    if (text.find_first_of(std::string{separator, '"', '\n', '\r'}) == std::string::npos) return text;
    std::string out = "\"";
    for (char c : text) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

std::string decimal(double v, char mark) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.5f", v);
    std::string s = buf;
    if (mark != '.')
        for (char& c : s)
            if (c == '.') c = mark;
    return s;
}

json round_coords(glm::dvec2 p) { return {std::round(p.x * 1e5) / 1e5, std::round(p.y * 1e5) / 1e5}; }
}  // namespace

std::string export_csv(const Atlas& a, CsvStyle style) {
    const Dataset& d = a.data();
    const char sep = style.separator;
    std::string out = "\xEF\xBB\xBF";  // BOM
    const char* header[] = {"id", "name", "local_name", "country", "country_name", "lat", "lon", "network",
                            "field", "year", "status", "confidence", "property", "sources"};
    for (std::size_t i = 0; i < std::size(header); ++i) out += (i ? std::string(1, sep) : "") + header[i];
    out += "\r\n";
    for (int i : a.visible()) {
        const City& c = d.cities[i];
        for (const auto& g : c.designations) {
            if (!designation_passes(d, a.filter(), g)) continue;
            const std::string cells[] = {c.id, c.name, c.local_name, c.country, c.country_name,
                                         decimal(c.lat, style.decimal), decimal(c.lon, style.decimal),
                                         d.networks[g.network].id, g.field >= 0 ? d.fields[g.field].id : "",
                                         std::to_string(g.year), g.former ? "former" : "current", g.confidence,
                                         g.property, sources_text(g.sources)};
            for (std::size_t k = 0; k < std::size(cells); ++k) out += (k ? std::string(1, sep) : "") + cell(cells[k], sep);
            out += "\r\n";
        }
    }
    return out;
}

std::string export_geojson(const Atlas& a) {
    const Dataset& d = a.data();
    json features = json::array();
    for (int i : a.visible()) {
        const City& c = d.cities[i];
        json designations = json::array();
        for (const auto& g : c.designations)
            if (designation_passes(d, a.filter(), g))
                designations.push_back({{"network", d.networks[g.network].id},
                                        {"field", g.field >= 0 ? json(d.fields[g.field].id) : json(nullptr)},
                                        {"year", g.year}, {"sources", sources_text(g.sources)}});
        features.push_back({{"type", "Feature"}, {"id", c.id},
                            {"geometry", {{"type", "Point"}, {"coordinates", round_coords({c.lon, c.lat})}}},
                            {"properties", {{"name", c.name}, {"localName", c.local_name}, {"country", c.country},
                                            {"designations", designations}}}});
    }
    for (const auto& l : a.drawn_links()) {
        if (l.to < 0) continue;  // hub spokes are a drawing, not links of the data
        const City &from = d.cities[l.from], &to = d.cities[l.to];
        json lines = json::array();
        for (const auto& piece : great_circle_arc({from.lon, from.lat}, {to.lon, to.lat})) {
            json line = json::array();
            for (const auto& p : piece) line.push_back(round_coords(p));
            lines.push_back(line);
        }
        json geometry = lines.size() == 1 ? json{{"type", "LineString"}, {"coordinates", lines[0]}}
                                          : json{{"type", "MultiLineString"}, {"coordinates", lines}};
        const CooperationLink& link = d.links[l.link];
        features.push_back({{"type", "Feature"}, {"id", link.id}, {"geometry", geometry},
                            {"properties", {{"from", from.id}, {"to", to.id}, {"kind", d.networks[l.network].id},
                                            {"label", link.label}, {"year", l.year ? json(l.year) : json(nullptr)},
                                            {"sources", sources_text(link.sources)}}}});
    }
    return to_text({{"type", "FeatureCollection"}, {"features", features}});
}

}  // namespace atlas
