// Details of the selected city: names with their accents, designations, networks, sources.
#include <set>

#include "core/json_io.h"

#include "render/marker_layer.h"
#include "ui/ui.h"
#include "platform/platform.h"

namespace atlas::ui {
namespace {

// Facts resting on weaker evidence say so, with the reason, right under the designation.
void unconfirmed_mark(const UiContext& ui, const std::string& confidence, const std::string& notes) {
    if (confidence.empty() || confidence == "high") return;
    constexpr std::size_t kShown = 180;
    ImGui::Indent(ImGui::GetTextLineHeight() + 12);
    ImGui::PushStyleColor(ImGuiCol_Text, ui.color4("ui.warning"));
    const std::string reason = notes.size() > kShown ? utf8_prefix(notes, kShown) : notes;
    const std::string mark = ui.fmt("Unconfirmed ({confidence} confidence)", {{"confidence", std::string(ui.tr(confidence.c_str()))}});
    ImGui::TextWrapped("%s%s%s", mark.c_str(), reason.empty() ? "" : ": ", reason.c_str());
    ImGui::PopStyleColor();
    if (notes.size() > kShown && ImGui::IsItemHovered()) {
        ImGui::BeginTooltip();
        ImGui::PushTextWrapPos(ImGui::GetFontSize() * 36);
        ImGui::TextUnformatted(notes.c_str());
        ImGui::PopTextWrapPos();
        ImGui::EndTooltip();
    }
    ImGui::Unindent(ImGui::GetTextLineHeight() + 12);
}

}  // namespace

std::string designation_text(const UiContext& ui, const Designation& g, bool with_former) {
    const Dataset& d = ui.atlas.data();
    const Network& n = d.networks[g.network];
    const std::string year = std::to_string(g.year);
    if (n.group == "creative")
        return ui.fmt("City of {field}, {year}", {{"field", ui.field_name(d.fields[g.field])}, {"year", year}}) +
               (with_former && g.former ? std::string(" ") + ui.tr("(former member)") : "");
    if (n.group == "heritage")
        return ui.fmt("World Heritage since {year}: {property}", {{"year", year}, {"property", g.property}}) +
               (g.whc_id ? " (WHC " + std::to_string(g.whc_id) + ")" : "");
    return ui.network_name(n) + ", " + year + ": " + g.role;
}

std::string city_line(const UiContext& ui, const City& c) {
    std::string line = c.name != c.local_name ? c.name + " · " : "";
    line += ui.country_name(c);
    if (!c.state.empty()) line += " · " + c.state;
    return line;
}

void details_body(UiContext& ui) {
    const Atlas& a = ui.atlas;
    if (a.selected() < 0) return;
    const Dataset& d = a.data();
    const City& c = d.cities[a.selected()];
    ImGui::PushFont(ui.fonts.title);
    ImGui::TextWrapped("%s", c.local_name.c_str());
    ImGui::PopFont();
    ImGui::TextDisabled("%s", city_line(ui, c).c_str());
    for (const auto& alt : c.alt_names) ImGui::TextDisabled("%s", ui.fmt("also: {name}", {{"name", alt}}).c_str());
    if (small_button(ui.tr("Fly to"))) send(ui, {{"type", "flyTo"}, {"id", c.id}});
    ImGui::SameLine();
    if (small_button(ui.tr("Clear selection"))) send(ui, {{"type", "select"}, {"id", nullptr}});

    section(ui, ui.tr("Designations"));
    for (const auto& g : c.designations) {
        const Network& n = d.networks[g.network];
        ImGui::PushID(&g);
        if (n.group == "creative") {
            marker_glyph_item(render::kCreative, d.fields[g.field].color, a);
            ImGui::SameLine();
            ImGui::TextUnformatted(designation_text(ui, g, false).c_str());
            if (g.former) {
                ImGui::SameLine();
                ImGui::TextDisabled("%s", ui.tr("(former member)"));
            }
        } else {
            marker_glyph_item(group_marker_flags(n.group), {}, a);
            ImGui::SameLine();
            ImGui::TextWrapped("%s", designation_text(ui, g, false).c_str());
        }
        unconfirmed_mark(ui, g.confidence, g.notes);
        ImGui::PopID();
    }

    section(ui, ui.tr("Networks"));
    std::set<int> networks;
    for (const auto& g : c.designations) networks.insert(g.network);
    const int self = a.selected();
    for (const auto& l : d.links)
        if (l.from == self || l.to == self) networks.insert(l.network);
    for (int n : networks) {
        ImGui::Bullet();
        ImGui::TextWrapped("%s", ui.network_name(d.networks[n]).c_str());
    }

    if (ImGui::CollapsingHeader(ui.title("Sources").c_str(), ImGuiTreeNodeFlags_DefaultOpen)) {
        int id = 0;
        std::set<std::string> shown;
        for (const auto& g : c.designations)
            for (const auto& s : g.sources)
                if (shown.insert(s.url + s.note).second) {
                    ImGui::PushID(id++);
                    ImGui::Bullet();
                    source_link(ui, s);
                    ImGui::PopID();
                }
        if (!c.coord_source.empty()) {
            ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
            ImGui::TextWrapped("%s", ui.fmt("Position: {source}", {{"source", c.coord_source}}).c_str());
            ImGui::PopStyleColor();
        }
    }
}

float details_column_width(const Atlas& atlas, bool compact) {
    return atlas.selected() >= 0 && !compact ? kDetailsWidth + kPanelMargin : 0;
}

void draw_details_panel(UiContext& ui) {
    if (ui.atlas.selected() < 0) return;
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    const float top = (ui.state ? ui.state->top_bar_bottom : 0) + kPanelMargin;
    ImGui::SetNextWindowPos(ImVec2(display.x - kPanelMargin, top), ImGuiCond_Always, ImVec2(1, 0));
    ImGui::SetNextWindowSize(ImVec2(kDetailsWidth, 0), ImGuiCond_Always);
    float most = (display.y - top) * 0.62f;
    if (!ui.atlas.links_of(ui.atlas.selected()).empty())  // the Links below: not under them (their panel shows what is behind)
        most = std::min(most, display.y * kLinksTopShare - kPanelMargin - top);
    ImGui::SetNextWindowSizeConstraints(ImVec2(kDetailsWidth, 0), ImVec2(kDetailsWidth, most));
    bool open = true;
    if (ImGui::Begin(ui.title("Details").c_str(), &open, ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize)) details_body(ui);
    if (ui.state) ui.state->details_bottom = ImGui::GetWindowPos().y + ImGui::GetWindowSize().y;
    ImGui::End();
    if (!open) send(ui, {{"type", "select"}, {"id", nullptr}});
}

}  // namespace atlas::ui
