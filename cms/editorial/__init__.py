"""Editorial workflow: groups, moderated sections, translator scopes and translation aids."""
