"""Editorial workflow: groups, call moderation, translator scopes and translation aids."""
