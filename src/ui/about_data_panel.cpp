// About the data: what each network is, where it comes from, and what is known to be uncertain
// or incomplete (the doubts of the data files), so that nobody mistakes gaps for facts.
#include <algorithm>

#include "platform/platform.h"
#include "ui/ui.h"

namespace atlas::ui {
namespace {
void bullet_wrapped(const std::string& text) {
    ImGui::Bullet();
    ImGui::TextWrapped("%s", text.c_str());
}
}  // namespace

void draw_about_data_panel(UiContext& ui) {
    if (!ui.state || !ui.state->about_open) return;
    const Dataset& d = ui.atlas.data();
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    const float width = std::min(640.0f, display.x - 2 * kPanelMargin);
    ImGui::SetNextWindowPos(ImVec2(display.x * 0.5f, display.y * 0.5f), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(width, display.y * 0.75f), ImGuiCond_Appearing);
    if (!ImGui::Begin(ui.title("About the data").c_str(), &ui.state->about_open)) {
        ImGui::End();
        return;
    }
    ImGui::TextWrapped("%s", ui.tr("Every record keeps its sources; records resting on weaker evidence are marked "
                                   "(unconfirmed) in the Details panel. What is known to be uncertain or missing:"));
    for (const auto& n : d.networks) {
        ImGui::PushID(n.id.c_str());
        if (ImGui::CollapsingHeader(n.name.c_str(), n.doubts.empty() ? 0 : ImGuiTreeNodeFlags_DefaultOpen)) {
            if (!n.description.empty()) ImGui::TextWrapped("%s", ui.network_description(n).c_str());
            if (!n.doubts.empty()) {
                ImGui::PushStyleColor(ImGuiCol_Text, ui.color4("ui.warning"));
                ImGui::TextUnformatted(ui.tr("Doubts"));
                ImGui::PopStyleColor();
                for (const auto& doubt : n.doubts) bullet_wrapped(doubt);
            }
            for (const auto& s : n.sources) {
                ImGui::Bullet();
                source_link(ui, s);
            }
        }
        ImGui::PopID();
    }
    for (const auto& g : d.country_groups)
        if (ImGui::CollapsingHeader(g.name.c_str(), ImGuiTreeNodeFlags_DefaultOpen)) {
            ImGui::TextWrapped("%s (%s)", g.criterion.c_str(), ui.fmt("{n} countries", {{"n", (long long)g.countries.size()}}).c_str());
            for (const auto& doubt : g.doubts) bullet_wrapped(doubt);
            for (const auto& s : g.sources) {
                ImGui::Bullet();
                source_link(ui, s);
            }
        }
    ImGui::Spacing();
    ImGui::TextDisabled("%s", ui.tr("Countries: Natural Earth (public domain). City positions: GeoNames (CC BY 4.0)."));
    ImGui::End();
}

}  // namespace atlas::ui
