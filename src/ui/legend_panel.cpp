// Legend: what the colours and shapes mean, and which countries count as the Global South.
#include "render/marker_layer.h"
#include "ui/ui.h"

namespace atlas::ui {
namespace {
void swatch(Color c) {
    const float h = ImGui::GetTextLineHeight();
    const ImVec2 p = ImGui::GetCursorScreenPos();
    ImGui::Dummy(ImVec2(h + 4, h));
    ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(p.x + 2, p.y + 2), ImVec2(p.x + h, p.y + h - 2), to_imgui(c), 3);
    ImGui::GetWindowDrawList()->AddRect(ImVec2(p.x + 2, p.y + 2), ImVec2(p.x + h, p.y + h - 2), ImGui::GetColorU32(ImGuiCol_TextDisabled), 3);
    ImGui::SameLine();
}
}  // namespace

void field_colours_table(const UiContext& ui, const std::vector<bool>* only) {
    if (!ImGui::BeginTable("fields", 2)) return;
    for (std::size_t k = 0; k < ui.atlas.data().fields.size(); ++k) {
        const CreativeField& f = ui.atlas.data().fields[k];
        if (only && !(*only)[k]) continue;
        ImGui::TableNextColumn();
        marker_glyph_item(render::kCreative, f.color, ui.atlas);
        ImGui::SameLine();
        ImGui::TextUnformatted(ui.field_name(f).c_str());
    }
    ImGui::EndTable();
}

// The fields' colours in two columns and the shapes of the city groups (embedded, presenter mode);
// `only_shown`: only the fields and groups of the cities on the map now (a small legend for an audience).
void draw_compact_legend(UiContext& ui, const char* id, ImVec2 at, ImVec2 pivot, bool only_shown) {
    const Atlas& a = ui.atlas;
    const Dataset& d = a.data();
    std::vector<bool> all_fields(d.fields.size(), true), all_groups(d.networks.size(), true);
    const std::vector<bool>* fields = &all_fields;
    const std::vector<bool>* groups = &all_groups;
    if (only_shown && ui.state) {  // what the cities on the map are, once per change of them (not per frame)
        UiState& st = *ui.state;
        if (st.shown_revision != a.revision() || st.shown_atlas != &a) {
            st.shown_revision = a.revision(), st.shown_atlas = &a;
            st.shown_fields.assign(d.fields.size(), false);
            st.shown_groups.assign(d.networks.size(), false);
            for (int c : a.visible())
                for (const auto& g : d.cities[c].designations) {
                    if (!designation_passes(d, a.filter(), g)) continue;  // a Design city shown only as heritage
                    if (g.field >= 0) st.shown_fields[g.field] = true;
                    if (g.network >= 0) st.shown_groups[g.network] = true;
                }
        }
        fields = &st.shown_fields, groups = &st.shown_groups;
    }
    ImGui::SetNextWindowPos(at, ImGuiCond_Always, pivot);
    ImGui::SetNextWindowBgAlpha(0.88f);
    const std::string title = std::string(ui.tr("Legend")) + "###" + id;
    if (ImGui::Begin(title.c_str(), nullptr, ImGuiWindowFlags_NoMove | ImGuiWindowFlags_AlwaysAutoResize)) {
        field_colours_table(ui, fields);
        for (std::size_t k = 0; k < d.networks.size(); ++k) {
            const Network& n = d.networks[k];
            if (!n.is_city_group() || n.group == "creative" || !(*groups)[k]) continue;
            marker_glyph_item(group_marker_flags(n.group), {}, a);
            ImGui::SameLine();
            ImGui::TextUnformatted(ui.network_name(n).c_str());
        }
    }
    if (ui.state) ui.state->compact_legend_width = ImGui::GetWindowSize().x;
    ImGui::End();
}

int group_marker_flags(const std::string& group) {
    return group == "creative" ? render::kCreative : group == "heritage" ? render::kHeritage
         : group == "partner"  ? render::kPartner  : render::kSouthOnly;
}

void legend_body(UiContext& ui) {
    const Atlas& a = ui.atlas;
    const Dataset& d = a.data();
    field_colours_table(ui);
    ImGui::Separator();
    const Color field = d.fields.empty() ? Color{} : d.fields[0].color;
    const std::pair<int, const char*> shapes[] = {
        {render::kCreative, N_("Creative City (colour: field)")},
        {render::kHeritage, N_("World Heritage City")},
        {render::kHeritage | render::kCreative, N_("both")},
        {render::kSouthOnly, N_("South–South tourism city")},
        {render::kPartner, N_("partner city of a link")},
        {render::kHeritage | render::kSouthHalo, N_("ring: also South–South")}};
    for (const auto& [flags, meaning] : shapes) {
        marker_glyph_item(flags, field, a);
        ImGui::SameLine();
        ImGui::TextUnformatted(ui.tr(meaning));
    }
    ImGui::Separator();
    swatch(ui.style.land_mexico);
    ImGui::TextUnformatted(ui.tr("Mexico"));
    swatch(ui.style.land_south);
    ImGui::TextUnformatted(ui.tr("Global South"));
    if (const CountryGroup* gs = d.global_south(); gs && ImGui::IsItemHovered())
        ImGui::SetTooltip("%s\n%s", gs->criterion.c_str(), ui.fmt("{n} countries", {{"n", (long long)gs->countries.size()}}).c_str());
    swatch(ui.style.land_other);
    ImGui::TextUnformatted(ui.tr("other countries"));
    if (const CountryGroup* gs = d.global_south()) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
        ImGui::TextWrapped("%s", ui.fmt("Global South: {criterion}", {{"criterion", gs->criterion}}).c_str());
        ImGui::PopStyleColor();
    }
}

void draw_legend_panel(UiContext& ui) {
    const bool small = ImGui::GetIO().DisplaySize.y < 1150;  // small screens: filters first
    side_panel(ui, "Legend", 1, legend_body, small);
}

}  // namespace atlas::ui
