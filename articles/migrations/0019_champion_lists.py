"""Champion lists (articles.search.tiers): per common term, the articles it
weighs most in, which a relevance search ranks besides its newest matches.

The lists start empty: `manage.py rebuild_search_tiers` makes them for an
archive that already holds articles; until then a search ranks its newest
matches as before, and the list page says so.
"""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('articles', '0018_postgres_statistics_for_copy_of'),
    ]

    operations = [
        migrations.CreateModel(
            name='ChampionList',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('config', models.CharField(max_length=16, verbose_name='configuration')),
                ('term', models.CharField(help_text='A stem, as the index holds it.', max_length=100, verbose_name='term')),
                ('floor', models.FloatField(help_text='The lowest weight in the list: no article outside weighs more.', verbose_name='floor')),
                ('article_count', models.PositiveIntegerField(help_text='How many articles held the term when the list was built.', verbose_name='article count')),
            ],
            options={
                'verbose_name': 'champion list',
                'verbose_name_plural': 'champion lists',
                'ordering': ['config', 'term'],
                'constraints': [models.UniqueConstraint(fields=('term', 'config'), name='articles_championlist_unique')],
            },
        ),
        migrations.CreateModel(
            name='Champion',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('impact', models.FloatField(verbose_name='weight')),
                ('article', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='articles.article', verbose_name='article')),
                ('champion_list', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='champions', to='articles.championlist', verbose_name='list')),
            ],
            options={
                'verbose_name': 'champion',
                'verbose_name_plural': 'champions',
                'ordering': ['champion_list', '-impact', 'article'],
                'indexes': [models.Index(fields=['champion_list', 'impact'], name='articles_champion_by_impact')],
                'constraints': [models.UniqueConstraint(fields=('champion_list', 'article'), name='articles_champion_unique')],
            },
        ),
    ]
