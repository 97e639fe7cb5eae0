// What the accessible HTML mirror of the map says (web/mirror.js draws it as real headings, form
// controls and lists for screen readers): the count of cities shown, the filters, the cities on
// the map, the selected city's details and its links, all in the view's language and worded as
// the panels word them (the same catalogue and the same helpers).
#include <algorithm>

#include "app/app.h"
#include "core/json_io.h"
#include "ui/ui.h"

namespace atlas {
using json = nlohmann::json;
constexpr std::size_t kMirrorCities = 500;

std::string App::accessible() const {
    ui::UiContext ui{.atlas = *atlas_, .style = renderer_.style(), .fonts = fonts_};
    ui.catalogues = &catalogues_;
    const Atlas& a = *atlas_;
    const Dataset& d = a.data();
    const Filter& f = a.filter();
    const std::string count =
        ui.fmt("Showing {shown} of {n} cities", {{"shown", a.counts().visible}, {"n", (long long)d.cities.size()}});
    json out = {{"language", a.language()},
                {"title", ui.tr("Atlas Sur: cultural cooperation of Mexico and the Global South")},
                {"map", ui.fmt("Map of the cities of cultural cooperation of Mexico and the Global South. {count}. "
                               "The list of these cities follows the filters.", {{"count", count}})},
                {"count", count},
                {"headings", {{"filters", ui.tr("Filters")}, {"groups", ui.tr("City groups")}, {"fields", ui.tr("Creative fields")},
                              {"region", ui.tr("Region")}, {"cities", ui.tr("Cities on the map")}, {"details", ui.tr("Details")},
                              {"links", ui.tr("Links")}, {"designations", ui.tr("Designations")}, {"networks", ui.tr("Networks")},
                              {"sources", ui.tr("Sources")}}},
                {"reset", ui.tr("Reset")},
                {"former", {{"label", ui.tr("Include former members")}, {"checked", f.include_former}}},
                {"noSelection", ui.tr("Choose a city in the list, or on the map, to read its details here.")}};
    json groups = json::array(), fields = json::array(), regions = json::array();
    for (std::size_t k = 0; k < d.networks.size(); ++k)
        if (d.networks[k].is_city_group())
            groups.push_back({{"id", d.networks[k].id}, {"label", ui.network_name(d.networks[k])},
                              {"checked", bool(f.networks[k])}, {"count", a.counts().by_network[k]}});
    for (std::size_t k = 0; k < d.fields.size(); ++k)
        fields.push_back({{"id", d.fields[k].id}, {"label", ui.field_name(d.fields[k])}, {"checked", bool(f.fields[k])},
                          {"count", a.counts().by_field[k]}});
    for (Region r : {Region::World, Region::GlobalSouth, Region::Mexico})
        regions.push_back({{"id", region_id(r)}, {"checked", f.region == r},
                           {"label", ui.tr(r == Region::World ? "World" : r == Region::GlobalSouth ? "Global South" : "Mexico")}});
    // A screen reader goes through a list of a few hundred; the search reaches the others.
    std::vector<int> shown = a.visible();
    const std::size_t listed = std::min(shown.size(), kMirrorCities);
    std::partial_sort(shown.begin(), shown.begin() + listed, shown.end(),
                      [&](int x, int y) { return d.cities[x].local_name < d.cities[y].local_name; });
    shown.resize(listed);
    auto label = [&](const City& c) { return c.local_name + ", " + ui.country_name(c); };
    out["groups"] = groups, out["fields"] = fields, out["regions"] = regions;
    out["more"] = listed < a.visible().size()
                      ? ui.fmt("The first {n} by name; the filters or the search narrow the list.", {{"n", (long long)listed}})
                      : "";
    json found = json::array();
    for (const SearchResult& r : a.search_results()) found.push_back({{"id", d.cities[r.city].id}, {"label", label(d.cities[r.city])}});
    out["search"] = {{"label", ui.tr("Search cities")}, {"query", a.search_query()}, {"results", found},
                     {"none", a.search_query().empty() || !found.empty() ? "" : ui.tr("No city found")}};
    out["selected"] = nullptr;
    out["links"] = json::array();
    if (const int s = a.selected(); s >= 0) {
        const City& c = d.cities[s];
        json designations = json::array(), sources = json::array(), networks = json::array();
        for (const auto& g : c.designations) {
            designations.push_back(ui::designation_text(ui, g, true));
            for (const auto& src : g.sources)
                if (!src.url.empty() && std::none_of(sources.begin(), sources.end(), [&](const json& j) { return j["url"] == src.url; }))
                    sources.push_back({{"text", src.note.empty() ? src.url : src.note}, {"url", src.url}});
        }
        std::vector<int> nets;
        for (const auto& g : c.designations) nets.push_back(g.network);
        for (int l : a.links_of(s)) nets.push_back(d.links[l].network);
        std::sort(nets.begin(), nets.end());
        nets.erase(std::unique(nets.begin(), nets.end()), nets.end());
        for (int n : nets) networks.push_back(ui.network_name(d.networks[n]));
        out["selected"] = {{"id", c.id}, {"name", c.local_name}, {"line", ui::city_line(ui, c)}, {"designations", designations},
                           {"networks", networks}, {"sources", sources},
                           {"announce", ui.fmt("Selected: {name}", {{"name", c.local_name}})}};
        for (int l : a.links_of(s)) {
            const CooperationLink& link = d.links[l];
            const City& partner = d.cities[link.from == s ? link.to : link.from];
            const std::string kind = link.label.empty() ? ui.network_name(d.networks[link.network]) : ui.tr(link.label.c_str());
            out["links"].push_back({{"id", partner.id}, {"label", partner.local_name + ", " + ui.country_name(partner)},
                                    {"kind", kind + (link.year ? ", " + std::to_string(link.year) : "")}});
        }
    }
    // The list of cities is written as text, not made a JSON value first: its 500 values and then
    // their text, at once, set the web's memory's highest level (2,818,048 -> 2,752,512 bytes at
    // 400 cities without them).
    std::string text = to_text(out);
    std::size_t room = text.size() + 16;
    // (Each label made twice: sized from the names alone, the reserve came out larger and the
    // memory's mark 64 KB higher.)
    for (int c : shown) room += 40 + d.cities[c].id.size() + label(d.cities[c]).size();
    text.reserve(room);
    text.back() = ',';  // (its closing brace)
    text += "\"cities\":[";
    for (int c : shown) {
        if (c != shown.front()) text += ',';
        text += "{\"id\":" + to_text(d.cities[c].id) + ",\"label\":" + to_text(label(d.cities[c])) +
                ",\"selected\":" + (c == a.selected() ? "true" : "false") + "}";
    }
    text += "]}";
    return text;
}

}  // namespace atlas
