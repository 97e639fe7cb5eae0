// Drawn over the map, outside the panels: hover tooltip, the selected city's label, attribution.
#include <algorithm>
#include <cstdio>

#include "render/marker_layer.h"
#include "ui/ui.h"

namespace atlas::ui {
namespace {
void label(ImDrawList* dl, ImFont* font, ImVec2 at, const char* text, float alpha, float scale = 1.0f) {
    const float size = font->FontSize * scale;
    const int a = int(255 * alpha);
    for (ImVec2 d : {ImVec2(-1.2f, -1.2f), ImVec2(1.2f, -1.2f), ImVec2(-1.2f, 1.2f), ImVec2(1.2f, 1.2f)})
        dl->AddText(font, size, ImVec2(at.x + d.x, at.y + d.y), IM_COL32(255, 255, 255, a * 9 / 10), text);  // a halo
    dl->AddText(font, size, at, IM_COL32(20, 22, 28, a), text);
}
}  // namespace

// City names where they fit: the selected and hovered cities first, then Mexico's, then cities
// with more designations; panels are obstacles, and no two names overlap (core/declutter.h).
void draw_labels(UiContext& ui, ImDrawList* bg) {
    const Atlas& a = ui.atlas;
    const Dataset& d = a.data();
    const Camera& cam = a.camera_controller().current();
    std::vector<int> cities;
    for (const auto& c : a.clusters())
        if (c.members.size() == 1) cities.push_back(c.members[0]);
    auto rank = [&](int i) {
        return (i == a.selected()) * 1000 + (i == a.hovered()) * 500 + (d.cities[i].country == "MX") * 100 +
               int(d.cities[i].designations.size()) * 10;
    };
    std::stable_sort(cities.begin(), cities.end(), [&](int x, int y) { return rank(x) > rank(y); });
    const float gap = Atlas::marker_radius(cam.scale / cam.min_scale()) + 5;
    std::vector<LabelCandidate> candidates;
    for (int i : cities) {
        const ImVec2 size = ImGui::CalcTextSize(d.cities[i].local_name.c_str());
        candidates.push_back({i, cam.to_screen(a.positions()[i]), size.x, size.y, gap});
    }
    std::vector<Rect> obstacles;
    for (const auto& p : open_panels()) obstacles.push_back(p.rect);
    if (a.inset().shown) obstacles.push_back(a.inset().rect);
    for (const auto& c : a.clusters()) {  // names do not cover other markers (nor their own: gap > radius)
        const glm::dvec2 s = cam.to_screen(c.center);
        const float r = (gap - 5) * (c.members.size() > 1 ? Atlas::cluster_size(c.members.size()) : 1.0f);
        obstacles.push_back({float(s.x) - r, float(s.y) - r, 2 * r, 2 * r});
    }
    obstacles.push_back({0, float(cam.viewport.y) - 34, float(cam.viewport.x), 34});  // the attribution line
    auto placed = place_labels(candidates, cam.viewport, obstacles);
    for (const auto& p : placed) {
        const float alpha = a.appear_alpha(p.city) * (a.highlighted(p.city) ? 1.0f : 0.35f);
        if (alpha > 0.05f) label(bg, ui.fonts.body, ImVec2(p.rect.x, p.rect.y), d.cities[p.city].local_name.c_str(), alpha);
    }
    if (ui.state) ui.state->labels = std::move(placed);
}

// The inset of Mexico: a frame, a title that flies to Mexico, and its cities' names.
void draw_inset(UiContext& ui, ImDrawList* bg) {
    const Atlas& a = ui.atlas;
    const Atlas::Inset& in = a.inset();
    if (!in.shown) return;
    const Dataset& d = a.data();
    const ImVec2 p0(in.rect.x, in.rect.y), p1(in.rect.x + in.rect.w, in.rect.y + in.rect.h);
    bg->AddRect(ImVec2(p0.x - 1, p0.y - 1), ImVec2(p1.x + 1, p1.y + 1), IM_COL32(42, 51, 71, 255), 4, 0, 2);
    bg->AddRectFilled(p0, ImVec2(p0.x + 70, p0.y + ImGui::GetTextLineHeight() + 6), IM_COL32(42, 51, 71, 230), 3);
    bg->AddText(ImVec2(p0.x + 8, p0.y + 3), IM_COL32_WHITE, "Mexico");
    std::vector<LabelCandidate> candidates;
    std::vector<int> order = in.cities;
    std::stable_sort(order.begin(), order.end(), [&](int x, int y) {
        return (x == a.selected()) > (y == a.selected()) ||
               ((x == a.selected()) == (y == a.selected()) && d.cities[x].designations.size() > d.cities[y].designations.size());
    });
    for (int i : order) {
        const ImVec2 size = ImGui::CalcTextSize(d.cities[i].local_name.c_str());
        candidates.push_back({i, in.camera.to_screen(a.positions()[i]), size.x * 0.85f, size.y * 0.85f, 9});
    }
    std::vector<Rect> obstacles = {{0, 0, 70, ImGui::GetTextLineHeight() + 6}};  // the title
    for (int i : in.cities) {
        const glm::dvec2 s = in.camera.to_screen(a.positions()[i]);
        obstacles.push_back({float(s.x) - 5, float(s.y) - 5, 10, 10});
    }
    for (const auto& l : place_labels(candidates, in.camera.viewport, obstacles)) {
        const float alpha = a.appear_alpha(l.city) * (a.highlighted(l.city) ? 1.0f : 0.35f);
        if (alpha > 0.05f)
            label(bg, ui.fonts.body, ImVec2(p0.x + l.rect.x, p0.y + l.rect.y), d.cities[l.city].local_name.c_str(), alpha, 0.85f);
    }
}

void draw_cluster_counts(UiContext& ui, ImDrawList* bg) {
    const Atlas& a = ui.atlas;
    const Camera& cam = a.camera_controller().current();
    const Atlas::Inset& in = a.inset();
    for (const auto& c : a.clusters()) {
        if (c.members.size() < 2) continue;
        const glm::dvec2 at = cam.to_screen(c.center);
        if (in.shown && in.rect.contains(at.x, at.y)) continue;  // hidden under the inset
        char text[16];
        std::snprintf(text, sizeof text, "%zu", c.members.size());
        const glm::dvec2 s = cam.to_screen(c.center);
        const ImVec2 size = ImGui::CalcTextSize(text);
        bg->AddText(ImVec2(float(s.x) - size.x / 2, float(s.y) - size.y / 2), IM_COL32_WHITE, text);
    }
}

void draw_map_overlay(UiContext& ui) {
    const Atlas& a = ui.atlas;
    const Dataset& d = a.data();
    ImDrawList* bg = ImGui::GetBackgroundDrawList();
    const Camera& cam = a.camera_controller().current();
    draw_cluster_counts(ui, bg);
    draw_labels(ui, bg);
    draw_inset(ui, bg);
    for (const auto& hub : a.link_geometry().hubs) {  // hubs of networks drawn as a hub
        if (!a.hub_style()) break;
        const glm::dvec2 s = cam.to_screen(hub.projected);
        bg->AddCircleFilled(ImVec2(float(s.x), float(s.y)), 7, to_imgui(d.networks[hub.network].color));
        bg->AddCircle(ImVec2(float(s.x), float(s.y)), 7, IM_COL32_WHITE, 0, 2);
    }

    if (const int c = a.pick_cluster(glm::dvec2(ImGui::GetIO().MousePos.x, ImGui::GetIO().MousePos.y));
        c >= 0 && !ImGui::GetIO().WantCaptureMouse) {
        const auto& members = a.clusters()[c].members;
        ImGui::BeginTooltip();
        ImGui::Text("%zu cities (click to open)", members.size());
        for (std::size_t i = 0; i < members.size() && i < 8; ++i) ImGui::BulletText("%s", d.cities[members[i]].local_name.c_str());
        if (members.size() > 8) ImGui::TextDisabled("and %zu more", members.size() - 8);
        ImGui::EndTooltip();
    }

    const int h = a.hovered();
    if (h >= 0 && !ImGui::GetIO().WantCaptureMouse) {
        const City& c = d.cities[h];
        ImGui::BeginTooltip();
        ImGui::TextUnformatted(c.local_name.c_str());
        if (c.name != c.local_name) ImGui::TextDisabled("%s", c.name.c_str());
        for (const auto& g : c.designations) {
            const Network& n = d.networks[g.network];
            if (g.field >= 0) {
                marker_glyph_item(render::kCreative, d.fields[g.field].color, a);
                ImGui::SameLine();
                ImGui::Text("%s (%d)", d.fields[g.field].name.c_str(), g.year);
            } else {
                ImGui::Text("%s (%d)", n.name.c_str(), g.year);
            }
        }
        ImGui::EndTooltip();
    }

    const char* credit = "Equal Earth projection · Countries: Natural Earth · City positions: GeoNames (CC BY 4.0) · "
                         "Sources: UNESCO, ANCMPM, UNOSSC (see Details)";
    const ImVec2 size = ImGui::CalcTextSize(credit);
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    const ImVec2 at(display.x - size.x - 14, display.y - size.y - 8);
    bg->AddRectFilled(ImVec2(at.x - 8, at.y - 4), ImVec2(display.x - 6, display.y - 4), IM_COL32(255, 255, 255, 200), 4);
    bg->AddText(at, IM_COL32(60, 62, 70, 255), credit);
}

}  // namespace atlas::ui
