"""English phrase banks: for every plot function a few openings, characters' lines, and the
descriptions the writer adds to reach the length asked for.

Placeholder syntax: writer/templates.py. Speech is in double quotes with a said-tag.
"""

FUNCTIONS = {
    # --- fairy tale (Propp) ---
    "initial_situation": [
        "Once upon a time there lived {hero:a}, {look:hero}. {Hero~He/She/It/They} lived {place:in}, quietly and well.",
        "Long ago, when rivers were wider and forests deeper, {hero} made a home {place:in}.",
        "In a certain kingdom, in a certain land, there lived {hero:a}, and {hero~his/her/its/their} door opened {place:to}.",
    ],
    "absentation": [
        "One day {donor} set off on a long journey and left {hero} alone.",
        "Everyone went away on business, and {hero} stayed behind {place:in}, all alone.",
    ],
    "interdiction": [
        "{Donor} told {hero} firmly never to go beyond the fence.",
        "{Donor} called {hero} close and said, kindly but firmly, that the forest was no place to wander alone.",
    ],
    "violation": [
        "But curiosity was stronger than any rule, and {hero} slipped quietly out of the door.",
        "{Hero} did not listen: {hero~he/she/it/they} simply had to see what lay beyond the trees.",
    ],
    "villainy": [
        "Then, out of nowhere, {antagonist} appeared and carried off everything {hero} held dear.",
        "That very hour {antagonist} swooped down on {place} and took all its peace and joy away.",
        "And {antagonist} had been waiting for just that moment: {antagonist~he/she/it/they} crept up and led {princess} away.",
    ],
    "mediation": [
        "{Hero} grew sad, but there was nothing for it. {Helper} whispered that the trouble could still be mended.",
        "When {hero} heard of the trouble, {hero~he/she/it/they} decided that sitting still would not do.",
    ],
    "departure": [
        "{Hero} packed a crust of bread and set off wherever {hero~his/her/its/their} eyes would lead.",
        "Early in the morning {hero} stepped {place:to} and marched on without looking back.",
    ],
    "donor_test": [
        "In a clearing {hero} met {donor}, who asked for a little help: a cup of water from the stream.",
        "{Place:in} sat {donor}, {look:donor}, and {donor~he/she/it/they} asked {hero} three riddles.",
    ],
    "magical_agent": [
        "For {hero~his/her/its/their} kind heart {donor} gave {hero} a magic ball of yarn: wherever it rolled, the way would be.",
        "{Donor} held out a feather and whispered that it would help in the hardest hour.",
    ],
    "guidance": [
        "The ball of yarn rolled on, and {hero} followed it through {place}, past old oaks and ringing brooks.",
        "{Helper} showed {hero} a short cut that nobody else knew.",
    ],
    "struggle": [
        "At last {hero} came to the lair, and there stood {antagonist}, {look:antagonist}. The contest began: who would outwit whom?",
        "{Antagonist} growled terribly, but {hero} was not afraid and stepped forward.",
    ],
    "victory": [
        "{Antagonist} could not stand against {hero:poss} wits and ran off as fast as {antagonist~his/her/its/their} legs would carry {antagonist~him/her/it/them}.",
        "The magic feather did its work: {antagonist} lost {antagonist~his/her/its/their} head, and {hero} won.",
    ],
    "pursuit": [
        "{Antagonist} came to {antagonist~his/her/its/their} senses and rushed off in pursuit.",
        "{Hero} heard footsteps thundering behind: {antagonist} was catching up.",
    ],
    "rescue": [
        "Then {helper} came to the rescue and hid {hero} where no one could find {hero~him/her/it/them}.",
        "{Hero} threw a comb over {hero~his/her/its/their} shoulder, and a thick forest sprang up behind.",
    ],
    "return": [
        "{Hero} walked home happily, and the road back seemed half as long.",
        "{Hero} came back to {place}, where everyone had been watching the road for days.",
    ],
    "recognition": [
        "{False_hero} boasted that {false_hero~he/she/it/they} had saved everyone, but the truth soon came out.",
        "Everyone knew {hero} by the magic feather, and {false_hero} was ashamed of all that empty boasting.",
    ],
    "reward": [
        "There was a feast for the whole world, and {princess} smiled at {hero} more warmly than anyone.",
        "From then on {hero} lived happily {place:in}, and all the neighbors held {hero~him/her/it/them} in honor.",
    ],
    # --- fable ---
    "introduction": [
        "{Place:in} there lived {hero:a}, {look:hero}.",
        "{Hero} liked to wander through {place} thinking {hero~his/her/its/their} own thoughts.",
        "{Place:in} lived {hero:a}, and everyone around knew {hero~him/her/it/them}.",
        "From morning till night {hero} bustled about {place}.",
        "In a quiet corner, {place:in}, lived {hero:a}, {look:hero}.",
        "There once was {hero:a} with one weakness: {hero~he/she/it/they} loved to be praised.",
    ],
    "second_character": [
        "Not far away lived {antagonist:a}, {look:antagonist}, who had long been eyeing {hero}.",
    ],
    "desire": [
        "One day {hero} found a piece of cheese and decided to enjoy it in peace.",
        "{Hero} wanted something no one else had: the sweetest apple on the highest branch.",
        "{Hero} had spotted a shiny bead lying right out in the open.",
        "{Hero} decided to find something tasty for lunch.",
        "More than anything, {hero} wanted to be admired by everyone.",
        "One day {hero} came by a treat and was already looking forward to a feast.",
    ],
    "boast": [
        "{Hero} began to boast to the whole forest that {hero~he/she/it/they} was cleverer than everyone.",
    ],
    "encounter": [
        "Then {antagonist} came up to {hero} and began to speak in honeyed words.",
        "{Antagonist} stepped out onto the path and stopped, eyes narrowed slyly.",
        "Out of nowhere came {antagonist}, eyes shining.",
        "{Antagonist} bowed low to {hero} and spoke in a honey-sweet voice.",
        "Then, as if out of the ground, {antagonist} appeared before {hero}.",
        "{Antagonist} had long had an eye on {hero} and now came closer.",
    ],
    "flattery_or_trick": [
        "{Antagonist} praised {hero} to the skies: such a voice, such a mind!",
        "{Antagonist} thought up a trick and waited to see what would happen.",
        "{Antagonist} flattered {hero} this way and that, praising and praising.",
        "\"There is no one in the world as clever as you!\" sang {antagonist}, with a sly wink.",
        "{Antagonist} began from far away, talking round and round the point.",
    ],
    "warning": [
        "{Helper} whispered to {hero}: do not trust sweet words.",
        "\"Please, do not go,\" begged {helper}, but the words were carried away by the wind.",
        "{Helper} warned {hero} about {antagonist}, but {hero} only shrugged.",
    ],
    "choice": [
        "{Hero} hesitated for a moment, but the flattery had turned {hero~his/her/its/their} head.",
        "{Hero} believed every word and opened {hero~his/her/its/their} mouth to show off.",
        "{Hero} could not resist the praise and forgot to be careful.",
        "Sweet words made {hero:poss} head spin.",
        "{Hero} thought: why not show what I can do?",
    ],
    "second_chance": [
        "But {hero} remembered an old rule just in time and stopped.",
    ],
    "consequence": [
        "And that was that: {antagonist} snatched the prize and was gone.",
        "{Hero} was left with nothing and stared after {antagonist} for a long time.",
        "The moment {hero} opened {hero~his/her/its/their} mouth, {antagonist} grabbed the prize and vanished into the bushes.",
        "And so {hero} was left empty-pawed, while {antagonist} was already far away.",
    ],
    "reflection": [
        "{Hero} sat and thought: that is what comes of listening to the wrong friends.",
    ],
    "aftermath": [
        "Ever since, {hero} has given {antagonist} a wide berth and trusts no one's word alone.",
        "{Hero} went back to {place} and stayed at home for a long while.",
        "For a long time {hero} remembered that day and shook {hero~his/her/its/their} head.",
        "From that day on {hero} was more careful and listened to deeds, not words.",
    ],
    "moral": [
        "The moral of this fable: flattery tastes sweet, but what follows is bitter.",
        "So it is in life: whoever praises you beyond measure wants something from you.",
        "And that is the whole tale: judge a friend by deeds, not by words.",
        "The moral is simple: a boaster is easily fooled.",
        "Remember, my friend: whoever listens to flattery is left with nothing.",
        "Do not believe every word: some praise you with a stone behind their back.",
    ],
    # --- bylina ---
    "zachin": [
        "In the glorious capital city, at the gracious prince's hall, an honorable feast was held.",
        "Hear me, good people, and I will sing you a song of the old days.",
    ],
    "hero_origin": [
        "{Hero} was born {place:in} and sat still for thirty years, until wandering pilgrims came by.",
    ],
    "hero_strength": [
        "Strength ran through {hero:poss} veins like a river: {hero~he/she/it/they} could pull up an oak by its roots.",
        "{Hero}, {look:hero}, was as strong as a hundred men and as kind as the summer sun.",
    ],
    "call_to_service": [
        "{Prince} called {hero} to the capital to serve the land.",
        "Word came from {prince}: the land needed a defender, it needed a hero.",
    ],
    "feast_boast": [
        "At the feast everyone boasted, one of a horse, one of a treasure, but {hero} kept quiet.",
    ],
    "threat": [
        "A messenger galloped in: {antagonist} had taken the road and let no one pass, on horse or on foot.",
        "{Prince} grew troubled: {antagonist} was threatening the capital.",
    ],
    "ride": [
        "{Hero} mounted a good horse, and the horse galloped higher than the standing forest, lower than the drifting clouds.",
        "{Hero} rode across {place} from dawn till dusk and saw the outpost at sunrise.",
    ],
    "outpost": [
        "At the crossroads stood a stone, and on it was written: ride right and lose your horse, ride straight and lose your way.",
    ],
    "enemy_challenge": [
        "{Antagonist} whistled like a nightingale and hissed like a snake, and the grass bowed to the ground.",
        "{Antagonist} shouted in a mighty voice: who dares to test their strength against mine?",
    ],
    "battle": [
        "They met in the open field and fought for three days and three nights, neither giving way.",
        "{Hero} drew the tight bow and let fly a tempered arrow, and {antagonist} faltered.",
    ],
    "hard_moment": [
        "{Hero} slipped and fell to the damp earth, but Mother Earth gave {hero~him/her/it/them} new strength.",
    ],
    "homecoming": [
        "{Hero} rode home, and people came out to meet {hero~him/her/it/them} with bread and salt.",
    ],
    "glory": [
        "{Prince} bowed low to {hero} and named {hero~him/her/it/them} the first of all heroes.",
        "The fame of {hero} spread across the land, from sea to sea.",
    ],
    "slava": [
        "And here the old song ends: calm to the blue sea, and good cheer to all who listened.",
        "That is the whole song, and glory to all who heard it.",
    ],
    # --- novella ---
    "ordinary_day": [
        "{Hero:poss} day began as usual: tea, the window, {place}.",
        "{Place:in} everything went on as it always did, and {hero} expected nothing special.",
        "{Hero:poss} morning was perfectly ordinary, and nothing hinted at wonders.",
    ],
    "companion": [
        "Beside {hero~him/her/it/them}, as always, was {helper}, {look:helper}.",
    ],
    "unusual_event": [
        "Suddenly something glinted on the path: a little key with a patterned head.",
        "Then something strange happened: at high noon a warm snow began to fall on {place}.",
        "Suddenly, by the very porch, the old watering can began to talk.",
    ],
    "curiosity": [
        "{Hero} crouched down and looked closely at the find.",
    ],
    "complication": [
        "But the key fitted no door at all, and time was running out.",
        "And then it turned out that someone else was looking for it too.",
        "But the further it went, the more tangled everything became.",
    ],
    "misunderstanding": [
        "{Helper} thought {hero} had made the whole thing up and took offence.",
    ],
    "turning_point": [
        "And then {hero} understood: the key was not for a door but for the old clock in the square.",
    ],
    "help_arrives": [
        "{Helper} came running to help, and together the work went faster.",
    ],
    "unexpected_ending": [
        "The clock started, chimed, and the whole town came out to listen to its song.",
        "And the find turned out to be a present that had been waiting for {hero} all along.",
        "In the end it all turned out quite differently, and much better.",
    ],
    "afterthought": [
        "That evening {hero} looked out of the window for a long time, smiling.",
    ],
    # --- comedy ---
    "plan": [
        "{Hero} and {helper} planned a party such as no one had ever seen.",
        "{Hero} and {helper} agreed to surprise all the neighbors at once.",
    ],
    "rehearsal": [
        "They rehearsed all day, and everything went perfectly as long as nobody was watching.",
    ],
    "first_mixup": [
        "But {antagonist} mixed everything up: took the pie to the wrong house and invited the guests for the wrong day.",
        "{Antagonist} overheard half of it and understood it all wrong.",
        "It all went wrong from the morning on: {antagonist} mixed up the road, and {hero} mixed up the time.",
    ],
    "disguise": [
        "{Hero} had to dress up as a scarecrow to put things right.",
    ],
    "escalation": [
        "The harder the friends tried, the funnier the muddle became.",
        "Even {antagonist} could not keep a straight face and burst out laughing.",
        "The muddle grew like dough with yeast in it.",
        "Every new attempt to fix things only made them funnier.",
    ],
    "chase": [
        "A merry chase ran down the street: a goose with the pie in front, everyone else behind.",
    ],
    "everything_goes_wrong": [
        "The tablecloth slid off, the kettle sang the wrong song, and the pie landed right on {antagonist:poss} hat.",
    ],
    "confession": [
        "{Hero} honestly explained where all the muddle had come from.",
    ],
    "reveal": [
        "Then everything came out: the whole mix-up had started with one little note.",
        "At last everything became clear, and everyone laughed at themselves.",
    ],
    "reconciliation": [
        "{Antagonist} waved a paw and was the first to offer peace.",
        "{Hero} and {antagonist} looked at each other and burst out laughing.",
    ],
    "celebration": [
        "And the party happened after all: noisy, merry and nothing like the plan.",
        "They sang, danced and ate pies until nightfall.",
        "And in the evening everyone drank tea with jam and remembered how funny it had been.",
    ],
    # --- tragedy (for children: loss without despair) ---
    "happy_time": [
        "There was a time when every day {place:in} began with a song, and {hero} sang loudest of all.",
        "Life {place:in} was merry, and {hero} knew no sorrow.",
        "Once, {place:in}, every evening ended with laughter, and {hero:poss} laugh rang the loudest.",
    ],
    "friendship": [
        "{Hero} and {helper} were friends the way only children are: for ever.",
        "Wherever {hero} went, {helper} went too, and they shared every crust of bread.",
    ],
    "hubris": [
        "{Hero} began to think that nothing was beyond {hero~him/her/it/them}, not even what the elders had forbidden.",
        "Little by little {hero} began to believe that no warning was meant for {hero~him/her/it/them}.",
    ],
    "ignoring_the_warning": [
        "But {hero} only laughed.",
        "{Hero} waved the warning away like a fly.",
    ],
    "fateful_choice": [
        "And on a stormy day {hero} set off for {place} after all.",
        "Against all advice, {hero} took the path that led to {antagonist}.",
    ],
    "brief_success": [
        "At first everything went well, and {hero} was already imagining the praise.",
        "For a while luck smiled on {hero}, and it seemed everything would work out.",
    ],
    "downfall": [
        "But {antagonist} proved stronger, and everything {hero} had built fell apart.",
        "{Antagonist} swept in, and everything fell to pieces.",
        "Then {antagonist} struck, and in a single moment everything was lost.",
    ],
    "last_stand": [
        "{Hero} held on to the very end, and no one could have called {hero~him/her/it/them} a coward.",
        "{Hero} stood firm to the last, as brave as anyone has ever been.",
    ],
    "loss": [
        "Much was lost that day, and {place} fell quiet.",
        "The wind grew cold, and {place} was never quite the same again.",
    ],
    "lament": [
        "For a long time {helper} remembered {helper~his/her/its/their} friend, and the wind sang along.",
        "{Helper} sat alone by the window, remembering every happy day.",
    ],
    "remembrance": [
        "But the memory stayed: every spring blue flowers open in that place.",
        "And to this day people speak kindly of {hero}.",
        "Now children leave flowers in that place and tell the story of {hero}.",
    ],
    "lesson": [
        "Courage is good, but wisdom is listening to those who love you.",
        "So remember: the bravest thing is sometimes to listen.",
        "Pride walks ahead, and sorrow follows close behind.",
    ],
    # --- drama ---
    "ordinary_life": [
        "{Hero} lived simply {place:in}: work, home, tea in the evening.",
        "Every day for {hero} was like the one before, and {hero~he/she/it/they} liked it that way.",
    ],
    "longing": [
        "But {hero:poss} heart longed for something far away.",
        "At night {hero} looked at the road and wondered where it led.",
    ],
    "conflict": [
        "{Antagonist} and {hero} quarrelled so badly that they stopped speaking.",
        "One word led to another, and {hero} and {antagonist} quarrelled in earnest.",
        "Harsh words flew between {hero} and {antagonist}, and neither would give way.",
    ],
    "separation": [
        "{Hero} left home without saying goodbye.",
        "At dawn {hero} packed a small bag and left without a word.",
    ],
    "ally": [
        "On the road {hero} met {helper}, and things grew easier.",
        "A kind stranger, {helper}, shared a fire with {hero} on a cold night.",
    ],
    "crisis": [
        "But one night everything collapsed, and {hero} was left all alone.",
        "Then came the hardest day of all, and {hero} did not know what to do.",
    ],
    "hard_decision": [
        "A choice had to be made: pride or friendship.",
        "{Hero} had to choose between being right and being kind.",
    ],
    "sacrifice": [
        "{Hero} gave up what {hero~he/she/it/they} treasured most to help those in trouble.",
        "{Hero} gave away the most precious thing {hero~he/she/it/they} had, without a second thought.",
    ],
    "forgiveness": [
        "{Antagonist} came first and quietly asked for forgiveness.",
        "{Antagonist} stood at the door, eyes down, and said sorry.",
    ],
    "resolution": [
        "{Hero} came home, and home greeted {hero~him/her/it/them} with warm light.",
        "Everyone made peace, and the house grew bright.",
        "The old quarrel melted like snow in spring.",
    ],
    "new_beginning": [
        "And the next morning everything began again, only better.",
        "The sun rose, and a new day began for all of them.",
    ],
    # --- horror made safe ---
    "cosy_home": [
        "It was warm {place:in}: the stove crackled, the cat purred, and {hero} sat by the window.",
        "{Place:in} it smelled of pies, and {hero} warmed {hero~his/her/its/their} hands at the stove.",
    ],
    "rumour": [
        "People said that someone walked in the forest at night, sighing.",
        "The old folk whispered that someone lit a candle in the old mill at night.",
    ],
    "dare": [
        "{Helper} said {hero} would never dare go there at night. So {hero} took a lantern and went.",
    ],
    "into_the_dark": [
        "The dark {place:in} was as thick as porridge, and the lantern shone only a little way.",
        "One step, then another, and {hero} was {place:in}, where it was pitch dark.",
    ],
    "strange_sounds": [
        "Somewhere a branch creaked, something hooted, and {hero:poss} heart beat fast.",
    ],
    "first_sign": [
        "On the path {hero} saw footprints: big and strange, as if someone had walked backwards in felt boots.",
        "In the snow by the porch {hero} noticed footprints, small and round.",
    ],
    "hiding": [
        "{Hero} hid behind a stump and held {hero~his/her/its/their} breath.",
        "{Hero:poss} heart was beating so loudly it seemed the whole forest could hear it.",
    ],
    "the_thing_appears": [
        "And then, from behind a tree, out came {antagonist}, {look:antagonist}.",
        "Something rustled and crackled, and out of the dark came {antagonist}.",
    ],
    "brave_moment": [
        "{Hero} gathered all {hero~his/her/its/their} courage and asked: who is there?",
    ],
    "truth_revealed": [
        "But {antagonist} was frightened too: it turned out {antagonist~he/she/it/they} had simply lost the way home.",
        "It turned out that {antagonist} was not frightening at all, just lonely.",
    ],
    "friendship_with_the_thing": [
        "{Hero} walked {antagonist} to the edge of the forest, and they parted as friends.",
    ],
    "safe_return": [
        "{Hero} came home at dawn, and there was nothing left to be afraid of.",
        "{Hero} skipped all the way home, and the fear stayed somewhere behind.",
    ],
    "cocoa_by_the_fire": [
        "That evening they drank cocoa by the stove, and {hero} told everyone about a new friend.",
    ],
}

DIALOGUE = {
    "interdiction": ["\"Never go beyond the fence,\" said {donor}. \"All sorts of things happen out there.\""],
    "violation": ["\"Just one little look,\" whispered {hero}."],
    "villainy": ["\"Now it is mine!\" shouted {antagonist}."],
    "departure": ["\"I will go,\" said {hero}, \"and I will not come back without winning.\""],
    "donor_test": ["\"Help me,\" asked {donor}, \"and I will be of use to you.\""],
    "magical_agent": ["\"Keep it safe,\" said {donor}. \"It will help you in trouble.\""],
    "struggle": ["\"I am not afraid of you!\" answered {hero}."],
    "victory": ["\"All right, all right, I am going!\" grumbled {antagonist}."],
    "return": ["\"Here I am, home again,\" said {hero}, smiling."],
    "reward": ["\"Thank you,\" said {princess}."],
    "encounter": ["\"Good day, my dear,\" sang {antagonist}."],
    "flattery_or_trick": ["\"What a voice you have!\" exclaimed {antagonist}. \"Sing for me!\""],
    "choice": ["\"Then I will sing!\" said {hero}."],
    "warning": ["\"Do not believe it,\" whispered {helper}."],
    "call_to_service": ["\"Serve your land,\" said {prince}."],
    "enemy_challenge": ["\"Come out and fight!\" shouted {antagonist}."],
    "battle": ["\"For our land!\" cried {hero}."],
    "glory": ["\"Glory to the hero!\" said {prince}."],
    "plan": ["\"This will be such fun!\" laughed {helper}."],
    "dare": ["\"You would not dare,\" said {helper}."],
    "brave_moment": ["\"Who is there?\" asked {hero} in a shaky voice."],
    "truth_revealed": ["\"I got lost,\" sighed {antagonist}."],
    "forgiveness": ["\"Forgive me,\" said {antagonist}."],
    "conflict": ["\"You are wrong!\" said {antagonist}."],
}

TIME = {
    "morning": ["Dawn was breaking, and dew trembled on the grass.", "The morning was clear and cool.",
                "The roosters crowed and the sun peeped over the forest.",
                "The sun had only just risen over the roofs.",
                "The morning was fresh and smelled of wet grass."],
    "day": ["The day was warm, and white clouds floated across the sky.", "The sun climbed high and the shadows grew short.",
            "By noon it was hot, and even the dragonflies hid.",
            "The day was fine and bright.",
            "The day went on, bright and ordinary.",
            "Bees hummed in the midday heat."],
    "evening": ["The sun was setting, and the shadows grew long.", "Evening came, and mist rose over the meadow.",
                "Towards evening the sky turned pink as jam froth.",
                "Dusk fell, and lights came on in the windows."],
    "night": ["Night fell, and the stars came out.", "The moon shone through the branches, and all was still.",
              "It grew dark, and a thin moon hung over the forest.",
              "The night was dark; only fireflies blinked in the grass."],
}
MOOD = {
    "calm": ["All around was quiet and peaceful.", "Birds sang and the leaves rustled.",
             "A brook murmured softly.",
             "A breeze rocked the blades of grass.",
             "The world seemed to hold its breath, peaceful and still.",
             "Somewhere a cuckoo called."],
    "joyful": ["Everyone's heart felt light and merry.", "It was a day for singing and dancing.",
               "Everything around seemed to laugh.",
               "Even the sun seemed to smile."],
    "sad": ["It grew sad, and even the birds fell silent.", "Hearts were heavy.",
            "Grey clouds covered the sky.",
            "A bird cried mournfully.",
            "Even the river seemed to flow more slowly.",
            "The flowers bowed their heads."],
    "tense": ["Suddenly the wind changed, and it grew uneasy.", "Every rustle made one look round.",
              "Something felt not quite right.",
              "Somewhere a twig snapped."],
    "scary": ["Somewhere far away the wind began to howl.", "The trees creaked as if whispering secrets.",
              "The shadows under the trees grew thicker.",
              "Something hooted in the dark."],
    "magic": ["Golden sparks whirled in the air.", "Everything seemed to glow from within.",
              "The air rang like a little bell.",
              "It smelled of honey and wonders."],
    "heroic": ["Hearts beat bravely and steadily.", "A great deed lay ahead.",
               "Nothing could stop the brave heart.",
               "A glorious battle lay ahead."],
}
LOOK = ["{Hero} was {look:hero}.", "You could tell {hero} at a glance: {look:hero}."]
TRANSITIONS = ["Whether it took a long time or a short time, the story went on.", "A tale is quickly told, but a deed is slowly done.",
               "So one day passed, and then another.", "And meanwhile, this is what happened.",
               "A little time went by.",
               "Here is what happened next.",
               "And this is how it went on."]

# When the plan puts a character in a scene its opening does not name ({hero} here is that character).
PRESENCE = ["And {hero} was never far away.", "All the while {hero} was close by.", "{Hero} missed nothing of it.",
            "{Hero} was there too.",
            "Nearby stood {hero}."]

# To name a place the title names, when the scene's opening does not.
PLACE = ["All this happened {place:in}.", "It was {place:in} that all this took place.", "This was {place:in}.",
         "It all took place {place:in}."]
