"""Forms for the admin's intermediate pages: choosing which row survives a
merge, and which tag a bulk action adds or removes."""

from django import forms
from django.contrib import admin
from django.contrib.admin.widgets import AutocompleteSelect
from django.utils.translation import gettext_lazy as _

from articles.models import Article, Tag


class MergeForm(forms.Form):
    """The curator picks the survivor among the selected rows; the action's own
    hidden fields (action, _selected_action) travel beside it."""

    survivor = forms.ModelChoiceField(
        queryset=None, widget=forms.RadioSelect, empty_label=None, label=_("Keep")
    )

    def __init__(self, *args, candidates, describe, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["survivor"].queryset = candidates
        # Each choice says what keeping it would mean, e.g. how many articles move.
        self.fields["survivor"].label_from_instance = describe


class BulkTagForm(forms.Form):
    tag = forms.ModelChoiceField(
        queryset=Tag.objects.all(),
        widget=AutocompleteSelect(Article._meta.get_field("tags"), admin.site),
    )
