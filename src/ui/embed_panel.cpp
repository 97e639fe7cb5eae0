// Embedded in another site's page (?embed=1): the map with a compact legend and a link to open
// the full map (the same view) in a new tab; the side panels and the timeline bar stay away.
#include "render/marker_layer.h"
#include "ui/ui.h"

namespace atlas::ui {

void draw_embed_panel(UiContext& ui) {
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    ImGui::SetNextWindowPos(ImVec2(kPanelMargin, kPanelMargin), ImGuiCond_Always);
    ImGui::Begin("###Open the full map", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoMove);
    if (small_button((std::string(ui.tr("Open the full map")) + " \u2197###open-full").c_str()) && ui.open_full_map)
        ui.open_full_map();
    report_item(ui, "Open the full map", "open-full");
    ImGui::End();

    ImGui::SetNextWindowCollapsed(display.y < 420, ImGuiCond_Once);
    draw_compact_legend(ui, "Legend", ImVec2(kPanelMargin, display.y - 40), ImVec2(0, 1));
}

}  // namespace atlas::ui
