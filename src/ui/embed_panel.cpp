// Embedded in another site's page (?embed=1): the map with a compact legend and a link to open
// the full map (the same view) in a new tab; the side panels and the timeline bar stay away.
#include "render/marker_layer.h"
#include "ui/ui.h"

namespace atlas::ui {

void draw_embed_panel(UiContext& ui) {
    const Atlas& a = ui.atlas;
    const Dataset& d = a.data();
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    ImGui::SetNextWindowPos(ImVec2(kPanelMargin, kPanelMargin), ImGuiCond_Always);
    ImGui::Begin("###Open the full map", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoMove);
    if (ImGui::SmallButton((std::string(ui.tr("Open the full map")) + " \u2197###open-full").c_str()) && ui.open_full_map)
        ui.open_full_map();
    report_item(ui, "Open the full map", "open-full");
    ImGui::End();

    // The compact legend: the fields' colours in two columns and the shapes of the city groups.
    ImGui::SetNextWindowPos(ImVec2(kPanelMargin, display.y - 40), ImGuiCond_Always, ImVec2(0, 1));
    ImGui::SetNextWindowCollapsed(display.y < 420, ImGuiCond_Once);
    ImGui::SetNextWindowBgAlpha(0.88f);
    if (ImGui::Begin(ui.title("Legend").c_str(), nullptr, ImGuiWindowFlags_NoMove | ImGuiWindowFlags_AlwaysAutoResize)) {
        field_colours_table(ui);
        for (const auto& n : d.networks) {
            if (!n.is_city_group() || n.group == "creative") continue;
            marker_glyph_item(group_marker_flags(n.group), {}, a);
            ImGui::SameLine();
            ImGui::TextUnformatted(ui.network_name(n).c_str());
        }
    }
    ImGui::End();
}

}  // namespace atlas::ui
