// Networks: choosing one highlights its members and links and dims the rest, with the network's
// description and source; networks of members can be drawn as a hub or as links between all.
#include "platform/platform.h"
#include "ui/ui.h"

namespace atlas::ui {

void networks_body(UiContext& ui) {
    const Atlas& a = ui.atlas;
    const Dataset& d = a.data();
    if (ImGui::RadioButton(ui.tr("All networks"), a.chosen_network() < 0)) send(ui, {{"type", "network"}, {"id", nullptr}});
    for (int n = 0; n < int(d.networks.size()); ++n) {
        const Network& net = d.networks[n];
        ImGui::PushID(n);
        if (ImGui::RadioButton("##choose", a.chosen_network() == n)) send(ui, {{"type", "network"}, {"id", net.id}});
        ImGui::SameLine();
        if (net.is_city_group()) {
            ImGui::TextUnformatted(ui.network_name(net).c_str());
        } else {
            line_sample(net);
            ImGui::SameLine();
            ImGui::TextUnformatted(ui.network_name(net).c_str());
        }
        ImGui::PopID();
    }
    bool hub = a.hub_style();
    if (ImGui::Checkbox(ui.tr("Draw member networks as a hub"), &hub))
        send(ui, {{"type", "networkStyle"}, {"style", hub ? "hub" : "pairs"}});
    if (a.chosen_network() >= 0) {
        const Network& net = d.networks[a.chosen_network()];
        ImGui::Separator();
        ImGui::TextWrapped("%s", ui.network_description(net).c_str());
        for (const auto& s : net.sources)
            if (!s.url.empty()) source_link(ui, s, ui.fmt("Source: {source}", {{"source", s.note.empty() ? s.url : s.note}}));
    }
}

void draw_networks_panel(UiContext& ui) { side_panel(ui, "Networks and links", 3, networks_body, /*folded=*/true); }

}  // namespace atlas::ui
