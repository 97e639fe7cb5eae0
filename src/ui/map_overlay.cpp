// Drawn over the map, outside the panels: hover tooltip, the selected city's label, attribution.
#include "render/marker_layer.h"
#include "ui/ui.h"

namespace atlas::ui {
namespace {
void label(ImDrawList* dl, ImFont* font, ImVec2 at, const char* text) {
    const float size = font->FontSize;
    for (float dx = -1.5f; dx <= 1.5f; dx += 1.5f)  // a white halo keeps it legible over any colour
        for (float dy = -1.5f; dy <= 1.5f; dy += 1.5f)
            dl->AddText(font, size, ImVec2(at.x + dx, at.y + dy), IM_COL32(255, 255, 255, 230), text);
    dl->AddText(font, size, at, IM_COL32(20, 22, 28, 255), text);
}
}  // namespace

void draw_map_overlay(UiContext& ui) {
    const Atlas& a = ui.atlas;
    const Dataset& d = a.data();
    ImDrawList* bg = ImGui::GetBackgroundDrawList();
    const Camera& cam = a.camera_controller().current();

    if (a.selected() >= 0) {
        const glm::dvec2 s = cam.to_screen(a.positions()[a.selected()]);
        label(bg, ui.fonts.body, ImVec2(float(s.x) + 16, float(s.y) - 10), d.cities[a.selected()].local_name.c_str());
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
