// Drawn over the map, outside the panels: city names, cluster counts, the inset's frame and names,
// hubs, tooltips and the attribution.
#include <algorithm>
#include <cstdio>
#include <vector>

#include "core/hash.h"
#include "render/marker_layer.h"
#include "ui/ui.h"

namespace atlas::ui {
namespace {
void label(const UiContext& ui, ImDrawList* dl, ImFont* font, ImVec2 at, const char* text, float alpha, float scale = 1.0f) {
    const float size = px(font) * scale;
    for (ImVec2 d : {ImVec2(-1.2f, -1.2f), ImVec2(1.2f, -1.2f), ImVec2(-1.2f, 1.2f), ImVec2(1.2f, 1.2f)})
        dl->AddText(font, size, ImVec2(at.x + d.x, at.y + d.y), ui.color("ui.labelHalo", alpha), text);  // a halo
    dl->AddText(font, size, at, ui.color("ui.labelText", alpha), text);
}

// Room for `more` items at once, and a little beyond (a zoom that shows more names need not make it
// again each frame). What the list holds is set aside first, so that its old room is let go before
// the new one is taken (ImVector::reserve holds both).
template <class T>
void make_room(ImVector<T>& list, int more) {
    const int need = list.Size + more;
    if (need + need / 16 <= list.Capacity) return;
    const std::vector<T> before(list.begin(), list.end());
    list.clear();  // (ImVector::clear frees)
    list.reserve(need + need / 8);
    list.resize(int(before.size()));
    std::copy(before.begin(), before.end(), list.begin());
}

// Names placed before, drawn (`origin`: where their camera's screen starts).
void draw_placed_labels(const UiContext& ui, ImDrawList* bg, const std::vector<PlacedLabel>& placed, ImVec2 origin, float scale) {
    // Their room made at once, counted: five copies of each glyph, as `label` draws them (ImGui asks
    // room for a quad per byte of a text, then gives back what its glyphs left unused). Grown half
    // again at a time, a list holds its old and new vertices together at each step: the names (0.2
    // MB at 400 cities) set the page's memory, which keeps its highest level.
    int glyphs = 0, longest = 0;
    for (const auto& p : placed) {
        const std::string& name = ui.atlas.data().cities[p.city].local_name;
        for (char c : name) glyphs += (c & 0xC0) != 0x80 && c != ' ';
        longest = std::max(longest, int(name.size()));
    }
    make_room(bg->VtxBuffer, 4 * (5 * glyphs + longest));
    make_room(bg->IdxBuffer, 6 * (5 * glyphs + longest));
    for (const auto& p : placed) {
        const float alpha = ui.atlas.city_opacity(p.city);
        if (alpha > 0.05f)
            label(ui, bg, ui.fonts.body, ImVec2(origin.x + p.rect.x, origin.y + p.rect.y),
                  ui.atlas.data().cities[p.city].local_name.c_str(), alpha, scale);
    }
}
}  // namespace

// City names where they fit, on the map or in the inset: the selected and hovered cities first,
// then Mexico's, then cities with more designations; markers (each `marker_px` around, clusters
// larger) and `obstacles` are avoided, and no two names overlap (core/declutter.h).
std::vector<PlacedLabel> place_and_draw_labels(UiContext& ui, ImDrawList* bg, const std::vector<Cluster>& markers,
                                               const Camera& cam, ImVec2 origin, float marker_px, float gap,
                                               float scale, std::vector<Rect> obstacles) {
    const Atlas& a = ui.atlas;
    const Dataset& d = a.data();
    std::vector<int> cities;
    cities.reserve(markers.size());  // (sized at once, here and below: see draw_placed_labels)
    obstacles.reserve(obstacles.size() + markers.size());
    for (const auto& c : markers) {
        if (c.members.size() == 1) cities.push_back(c.members[0]);
        const glm::dvec2 s = cam.to_screen(c.center);
        const float r = marker_px * (c.members.size() > 1 ? Atlas::cluster_size(c.members.size()) : 1.0f);
        obstacles.push_back({float(s.x) - r, float(s.y) - r, 2 * r, 2 * r});
    }
    auto rank = [&](int i) {
        return (i == a.selected()) * 1000 + (i == a.hovered()) * 500 + (d.cities[i].country == "MX") * 100 +
               int(d.cities[i].designations.size()) * 10;
    };
    std::stable_sort(cities.begin(), cities.end(), [&](int x, int y) { return rank(x) > rank(y); });
    std::vector<LabelCandidate> candidates;
    candidates.reserve(cities.size());
    for (int i : cities) {
        const ImVec2 size = ImGui::CalcTextSize(d.cities[i].local_name.c_str());
        candidates.push_back({i, cam.to_screen(a.positions()[i]), size.x * scale, size.y * scale, gap});
    }
    auto placed = place_labels(candidates, cam.viewport, obstacles);
    draw_placed_labels(ui, bg, placed, origin, scale);
    return placed;
}

void draw_labels(UiContext& ui, ImDrawList* bg) {
    const Atlas& a = ui.atlas;
    const Camera& cam = a.camera_controller().current();
    std::vector<Rect> obstacles;
    for (const auto& p : open_panels()) obstacles.push_back(p.rect);
    if (a.inset().shown) obstacles.push_back(a.inset().rect);
    const float credit = ui.state ? ui.state->attribution_height : kAttributionHeight;  // the attribution line
    obstacles.push_back({0, map_bottom(ui) - credit, float(cam.viewport.x), credit});
    const float radius = Atlas::marker_radius(cam.scale / cam.min_scale());
    auto placed = place_and_draw_labels(ui, bg, a.clusters(), cam, ImVec2(0, 0), radius, radius + 5, 1.0f,
                                        std::move(obstacles));
    if (ui.state) ui.state->labels = std::move(placed);
}

// The inset of Mexico: a frame, a title, and its cities' names.
void draw_inset(UiContext& ui, ImDrawList* list) {
    const Atlas& a = ui.atlas;
    const Atlas::Inset& in = a.inset();
    if (!in.shown) return;
    const ImVec2 p0(in.rect.x, in.rect.y), p1(in.rect.x + in.rect.w, in.rect.y + in.rect.h);
    list->AddRect(ImVec2(p0.x - 1, p0.y - 1), ImVec2(p1.x + 1, p1.y + 1), ui.color("ui.insetFrame"), 4, 0, 2);
    const char* name = ui.tr("Mexico");
    const float tab = ImGui::CalcTextSize(name).x + 16;
    list->AddRectFilled(p0, ImVec2(p0.x + tab, p0.y + ImGui::GetTextLineHeight() + 6), ui.color("ui.insetFrame", 0.9f), 3);
    list->AddText(ImVec2(p0.x + 8, p0.y + 3), ui.color("ui.accentText"), name);
    const Rect title{0, 0, tab, ImGui::GetTextLineHeight() + 6};
    if (!ui.state) {
        place_and_draw_labels(ui, list, in.markers, in.camera, p0, 5, 9, 0.85f, {title});
        return;
    }
    const std::uint64_t key = Fnv1a{}  // what the placing depends on
        .mix(in.camera.center).mix(in.camera.scale).mix(in.camera.viewport).mix(p0).mix(a.revision())
        .mix(px(ui.fonts.body)).mix(title).value;
    if (key != ui.state->inset_names_for || ui.state->inset_names.empty()) {
        ui.state->inset_names = place_and_draw_labels(ui, list, in.markers, in.camera, p0, 5, 9, 0.85f, {title});
        ui.state->inset_names_for = key;
    } else {
        draw_placed_labels(ui, list, ui.state->inset_names, p0, 0.85f);
    }
}

namespace {
// Each cluster's count, on its disc (`origin`: where the camera's screen starts).
void draw_counts(UiContext& ui, ImDrawList* bg, const std::vector<Cluster>& markers, const Camera& cam, ImVec2 origin,
                 float scale, const Rect* hidden) {
    for (const auto& c : markers) {
        if (c.members.size() < 2) continue;
        const glm::dvec2 s = cam.to_screen(c.center);
        if (hidden && hidden->contains(s.x, s.y)) continue;
        char text[16];
        std::snprintf(text, sizeof text, "%zu", c.members.size());
        const ImVec2 size = ImGui::CalcTextSize(text);
        bg->AddText(nullptr, ImGui::GetFontSize() * scale,
                    ImVec2(origin.x + float(s.x) - size.x * scale / 2, origin.y + float(s.y) - size.y * scale / 2),
                    ui.color("map.clusterText"), text);
    }
}
}  // namespace

void draw_cluster_counts(UiContext& ui, ImDrawList* bg, ImDrawList* over_inset) {
    const Atlas& a = ui.atlas;
    const Atlas::Inset& in = a.inset();
    if (bg) draw_counts(ui, bg, a.clusters(), a.camera_controller().current(), ImVec2(0, 0), 1.0f, in.shown ? &in.rect : nullptr);
    if (in.shown) draw_counts(ui, over_inset, in.markers, in.camera, ImVec2(in.rect.x, in.rect.y), 0.85f, nullptr);
}

// Arcs that cross the Pacific leave the map at one edge and come back at the other: an arrowhead in
// the link's colour where each piece meets the edge shows that it goes on, and in which direction.
void draw_edge_arrows(UiContext& ui, ImDrawList* bg) {
    const Atlas& a = ui.atlas;
    const Camera& cam = a.camera_controller().current();
    if (a.links_bundled()) return;  // bundles are drawn within the map, not across its edge
    for (const auto& l : a.drawn_links()) {
        if (!l.arc || l.arc->size() < 2) continue;
        Color c = a.data().networks[l.network].color;
        c.a = a.link_alpha(l) * (a.highlighted(l) ? 0.92f : 0.18f);
        if (c.a <= 0.05f) continue;
        const auto& pieces = *l.arc;
        for (std::size_t k = 0; k < pieces.size(); ++k) {
            const auto& line = pieces[k];
            if (line.size() < 2) continue;
            // The ends on the edge: every piece's end but the last one's, every start but the first's.
            std::vector<std::pair<glm::dvec2, glm::dvec2>> edge_ends;  // (point on the edge, the point before it)
            if (k + 1 < pieces.size()) edge_ends.push_back({line.back(), line[line.size() - 2]});
            if (k > 0) edge_ends.push_back({line.front(), line[1]});
            for (const auto& [end, before] : edge_ends) {
                const glm::dvec2 tip = cam.to_screen(end), from = cam.to_screen(before);
                const glm::dvec2 dir = glm::normalize(tip - from + glm::dvec2(1e-9, 0)), side{-dir.y, dir.x};
                const ImVec2 p0(float(tip.x + dir.x * 3), float(tip.y + dir.y * 3));
                const ImVec2 p1(float(tip.x - dir.x * 9 + side.x * 5.5), float(tip.y - dir.y * 9 + side.y * 5.5));
                const ImVec2 p2(float(tip.x - dir.x * 9 - side.x * 5.5), float(tip.y - dir.y * 9 - side.y * 5.5));
                bg->AddTriangleFilled(p0, p1, p2, to_imgui(c));
                bg->AddTriangle(p0, p1, p2, ui.color("map.linkHalo", c.a), 1.2f);
            }
        }
    }
}

void draw_map_overlay(UiContext& ui) {
    const Atlas& a = ui.atlas;
    const Dataset& d = a.data();
    ImDrawList* bg = ImGui::GetBackgroundDrawList();
    const Camera& cam = a.camera_controller().current();
    ImDrawList* fixed = ui.fixed_list ? ui.fixed_list : bg;
    if (ui.map_names) draw_edge_arrows(ui, bg);
    draw_cluster_counts(ui, ui.map_names ? bg : nullptr, fixed);
    if (ui.map_names) draw_labels(ui, bg);
    draw_inset(ui, fixed);
    if (ui.map_names && a.hub_style()) {  // hubs of networks drawn as a hub
        for (const auto& hub : a.link_geometry().hubs) {
            const glm::dvec2 s = cam.to_screen(hub.projected);
            bg->AddCircleFilled(ImVec2(float(s.x), float(s.y)), 7, to_imgui(d.networks[hub.network].color));
            bg->AddCircle(ImVec2(float(s.x), float(s.y)), 7, IM_COL32_WHITE, 0, 2);
        }
    }

    // The pointer's tooltips, not while the map moves under it (dragged, zoomed, flown): they would
    // come and go with every city passing, and each frame of a gesture would be drawn instead of
    // moved as a picture.
    const bool pointer_tips = !ImGui::GetIO().WantCaptureMouse && !ImGui::IsAnyMouseDown() && !a.camera_controller().moving();
    if (const Cluster* c = a.cluster_at(glm::dvec2(ImGui::GetIO().MousePos.x, ImGui::GetIO().MousePos.y)); c && pointer_tips) {
        const auto& members = c->members;
        ImGui::BeginTooltip();
        ImGui::TextUnformatted(ui.fmt("{n} cities (click to open)", {{"n", (long long)members.size()}}).c_str());
        for (std::size_t i = 0; i < members.size() && i < 8; ++i) ImGui::BulletText("%s", d.cities[members[i]].local_name.c_str());
        if (members.size() > 8) ImGui::TextDisabled("%s", ui.fmt("and {n} more", {{"n", (long long)members.size() - 8}}).c_str());
        ImGui::EndTooltip();
    }

    const int h = a.hovered();
    const bool walked = ui.state && ui.state->keyboard_city >= 0 && ui.state->keyboard_city == h;  // N, not the pointer
    if (walked) {  // a focus ring on the city, its tooltip beside it
        const glm::dvec2 s = cam.to_screen(a.positions()[h]);
        const float r = Atlas::marker_radius(cam.scale / cam.min_scale()) + 7;
        bg->AddCircle(ImVec2(float(s.x), float(s.y)), r + 2, ui.color("ui.labelHalo"), 0, 6);
        bg->AddCircle(ImVec2(float(s.x), float(s.y)), r, ui.color("ui.accent"), 0, 3);
        ImGui::SetNextWindowPos(ImVec2(float(s.x) + r + 8, float(s.y) + r + 4));
    }
    if (h >= 0 && (pointer_tips || walked)) {
        const City& c = d.cities[h];
        ImGui::BeginTooltip();
        ImGui::TextUnformatted(c.local_name.c_str());
        if (c.name != c.local_name) ImGui::TextDisabled("%s", c.name.c_str());
        for (const auto& g : c.designations) {
            const Network& n = d.networks[g.network];
            if (g.field >= 0) {
                marker_glyph_item(render::kCreative, d.fields[g.field].color, a);
                ImGui::SameLine();
                ImGui::Text("%s (%d)", ui.field_name(d.fields[g.field]).c_str(), g.year);
            } else {
                ImGui::Text("%s (%d)", ui.network_name(n).c_str(), g.year);
            }
        }
        ImGui::EndTooltip();
    }

    const ImVec2 display = ImGui::GetIO().DisplaySize;
    const char* credit = ui.tr("Equal Earth projection · Countries: Natural Earth · City positions: GeoNames (CC BY 4.0) · "
                               "Sources: UNESCO, ANCMPM, UNOSSC (see Details)");
    if (ImGui::CalcTextSize(credit).x > display.x - 28)  // narrow windows and embeds: the short form, never clipped
        credit = ui.tr("Natural Earth · GeoNames (CC BY 4.0) · UNESCO, ANCMPM, UNOSSC");
    const float wrap = display.x - 28;  // a phone: the short form on two lines
    const ImVec2 size = ImGui::CalcTextSize(credit, nullptr, false, wrap);
    const float bottom = map_bottom(ui);  // above a phone's sheet
    const ImVec2 at(display.x - size.x - 14, bottom - size.y - 8);
    fixed->AddRectFilled(ImVec2(at.x - 8, at.y - 4), ImVec2(display.x - 6, bottom - 4), ui.color("ui.attribution"), 4);
    // On a phone the short form takes two lines: what stands above it (buttons, labels, a tour) moves up.
    if (ui.state) {
        ui.state->attribution_height = ui.state->compact ? std::max(kAttributionHeight, size.y + 16) : kAttributionHeight;
        ui.state->attribution = {at.x - 8, at.y - 4, display.x - 6 - (at.x - 8), bottom - at.y};
    }
    fixed->AddText(ImGui::GetFont(), ImGui::GetFontSize(), at, ui.color("ui.attributionText"), credit, nullptr, wrap);
}

}  // namespace atlas::ui
